using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgAudit.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SgAudit.Collectors.Models;

/// <summary>
/// Writes a model file in the format docs/model.md describes: YAML, or JSON when the path ends in .json. Resource
/// lists keep the AWS CLI's member names, so a snapshot reads like `aws ec2 describe-*` output. The file appears
/// complete or not at all (written beside, then moved into place).
/// </summary>
public static class ModelFileWriter
{
    /// <summary>The model's own members, written in lower camel case like the examples in docs/model.md.</summary>
    private static readonly HashSet<string> ModelMembers = new(StringComparer.Ordinal) { "Version", "Accounts", "Id", "Name", "Error", "Regions", "Code", "Message" };

    public static void Write(ModelDocument document, string path)
    {
        var text = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ToJson(document) : ToYaml(document);
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        try
        {
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException(path, null, $"cannot write the model file: {ex.Message}", ex);
        }
    }

    public static string ToJson(ModelDocument document) => ToNode(document).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    public static string ToYaml(ModelDocument document)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine("# SgAudit model snapshot (docs/model.md). Replay it with: sgaudit scan --model <this file>");
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, ToNode(document));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static JsonObject ToNode(ModelDocument document)
    {
        var node = JsonSerializer.SerializeToNode(document, ModelWriterJsonContext.Default.ModelDocument)!.AsObject();
        RenameModelMembers(node);
        foreach (var account in node["accounts"]?.AsArray() ?? [])
        {
            RenameModelMembers(account!.AsObject());
            foreach (var region in account["regions"]?.AsArray() ?? [])
            {
                RenameModelMembers(region!.AsObject());
            }
        }

        return node;
    }

    /// <summary>Renames this object's model members (and its error's) to lower camel case, keeping their order.</summary>
    private static void RenameModelMembers(JsonObject node)
    {
        var members = node.ToList();
        node.Clear();
        foreach (var (key, value) in members)
        {
            var name = ModelMembers.Contains(key) ? char.ToLowerInvariant(key[0]) + key[1..] : key;
            if (name == "error" && value is JsonObject error)
            {
                RenameModelMembers(error);
            }

            node[name] = value;
        }
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                // Always quoted: account ids, tag values and descriptions are text even when they look like numbers,
                // booleans or YAML syntax, and every character of untrusted account data must survive the round trip.
                emitter.Emit(new Scalar(null, null, value.GetValue<string>(), ScalarStyle.DoubleQuoted, false, true));
                break;
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, node.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the partial file has a name no scan reads.
        }
    }
}

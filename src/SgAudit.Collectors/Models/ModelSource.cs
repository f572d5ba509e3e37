using System.Reflection;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>Where a scan's model comes from: the embedded demo account, a model file, or a folder of AWS CLI exports.</summary>
public static class ModelSource
{
    public const string DemoResourceName = "demo/demo-account.yaml";

    public static LoadedModel LoadDemo()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DemoResourceName)
            ?? throw new InvalidOperationException("The demo account is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var (document, origin) = ModelFileReader.ReadWithOrigin("demo-account.yaml", buffer.ToArray());
        return new LoadedModel(document, "demo", "embedded demo account", origin);
    }

    public static LoadedModel Load(string path)
    {
        if (Directory.Exists(path))
        {
            var (exports, exportOrigin) = CliExportFolderReader.ReadWithOrigin(path);
            return new LoadedModel(exports, "aws-cli-exports", $"AWS CLI exports in {path}", exportOrigin);
        }

        if (File.Exists(path))
        {
            var (document, origin) = ModelFileReader.ReadFileWithOrigin(path);
            return new LoadedModel(document, "model-file", $"model file {path}", origin);
        }

        throw new InputException(path, null, "no such file or folder");
    }
}

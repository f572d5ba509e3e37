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
        var document = ModelFileReader.Read("demo-account.yaml", buffer.ToArray());
        return new LoadedModel(document, "demo", "embedded demo account");
    }

    public static LoadedModel Load(string path)
    {
        if (Directory.Exists(path))
        {
            return new LoadedModel(CliExportFolderReader.Read(path), "aws-cli-exports", $"AWS CLI exports in {path}");
        }

        if (File.Exists(path))
        {
            return new LoadedModel(ModelFileReader.ReadFile(path), "model-file", $"model file {path}");
        }

        throw new InputException(path, null, "no such file or folder");
    }
}

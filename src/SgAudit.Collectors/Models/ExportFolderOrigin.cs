using System.Collections;
using SgAudit.Collectors.Ec2;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>The origin of an AWS CLI export folder: which describe-*.json file, and the item's place in it.</summary>
internal sealed class ExportFolderOrigin(IReadOnlyList<(string File, string Key, IList Items)> files) : IModelOrigin
{
    public InputException Explain(object shape, ShapeException problem)
    {
        foreach (var (file, key, items) in files)
        {
            if (DocumentOrigin.IndexIn(items, shape, $"$.{key}") is { } itemPath)
            {
                var path = problem.Path.Length == 0 ? itemPath : $"{itemPath}.{problem.Path}";
                return new InputException(file, new JsonSourceLocator(File.ReadAllBytes(file)).Describe(path), problem.Problem, problem);
            }
        }

        return new InputException(files.Count > 0 ? Path.GetDirectoryName(files[0].File) ?? "" : "", problem.Path, problem.Problem, problem);
    }
}

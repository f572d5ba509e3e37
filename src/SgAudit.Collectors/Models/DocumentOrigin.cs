using System.Collections;
using SgAudit.Collectors.Ec2;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>The origin of a model file: finds a shape by reference in the document (only when an error needs it).</summary>
internal sealed class DocumentOrigin(ModelDocument document, string file, ISourceLocator locator) : IModelOrigin
{
    public InputException Explain(object shape, ShapeException problem)
    {
        var itemPath = Find(shape) ?? "$";
        var path = problem.Path.Length == 0 ? itemPath : $"{itemPath}.{problem.Path}";
        return new InputException(file, locator.Describe(path), problem.Problem, problem);
    }

    private string? Find(object shape)
    {
        for (var a = 0; a < document.Accounts.Count; a++)
        {
            for (var r = 0; r < document.Accounts[a].Regions.Count; r++)
            {
                var region = document.Accounts[a].Regions[r];
                var prefix = $"$.accounts[{a}].regions[{r}]";
                var found = IndexIn(region.Vpcs, shape, $"{prefix}.Vpcs")
                    ?? IndexIn(region.SecurityGroups, shape, $"{prefix}.SecurityGroups")
                    ?? IndexIn(region.NetworkInterfaces, shape, $"{prefix}.NetworkInterfaces")
                    ?? IndexIn(region.NetworkAcls, shape, $"{prefix}.NetworkAcls");
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    internal static string? IndexIn(IList? list, object shape, string path)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (ReferenceEquals(list![i], shape))
            {
                return $"{path}[{i}]";
            }
        }

        return null;
    }
}

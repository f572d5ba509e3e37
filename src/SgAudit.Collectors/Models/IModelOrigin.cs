using SgAudit.Collectors.Ec2;
using SgAudit.Core;

namespace SgAudit.Collectors.Models;

/// <summary>Knows where each shape of a loaded model came from, to turn a mapping error into file, line and path.</summary>
public interface IModelOrigin
{
    InputException Explain(object shape, ShapeException problem);
}

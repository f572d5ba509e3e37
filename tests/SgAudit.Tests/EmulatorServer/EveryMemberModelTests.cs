using System.Collections;
using System.Reflection;
using SgAudit.Collectors.Ec2.Shapes;

namespace SgAudit.Tests.EmulatorServer;

public sealed class EveryMemberModelTests
{
    [Fact]
    public void Should_SetEveryMemberOfEveryShapeSomewhere_So_ARenamedElementCannotGoUnnoticed()
    {
        // Given every shape object reachable from the model
        var model = EveryMemberModel.Create();
        var shapes = new List<object>();
        Collect(model.Accounts[0].Regions[0], shapes);

        // Then each member of each EC2 shape class a model holds has a value in at least one of them (a new member
        // must be added there too); regions are not in the model, AwsCliTests compares DescribeRegions in full
        var shapeTypes = typeof(SecurityGroupShape).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SecurityGroupShape).Namespace && t.IsClass && t.IsPublic && t != typeof(RegionShape));
        var unset = shapeTypes
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => (type, property)))
            .Where(member => !shapes.Where(member.type.IsInstanceOfType).Any(shape => member.property.GetValue(shape) is not null))
            .Select(member => $"{member.type.Name}.{member.property.Name}")
            .ToList();
        Assert.Empty(unset);
    }

    private static void Collect(object value, List<object> shapes)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            switch (property.GetValue(value))
            {
                case IEnumerable items and not string:
                    foreach (var item in items)
                    {
                        shapes.Add(item);
                        Collect(item, shapes);
                    }

                    break;
                case { } child when child.GetType().Namespace == typeof(SecurityGroupShape).Namespace:
                    shapes.Add(child);
                    Collect(child, shapes);
                    break;
            }
        }
    }
}

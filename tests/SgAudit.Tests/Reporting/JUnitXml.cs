using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace SgAudit.Tests.Reporting;

/// <summary>Parses a report.junit.xml strictly (XML 1.0 characters checked, no DTD) and validates it against tests/…/Schemas/junit-report.xsd.</summary>
internal static class JUnitXml
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    public static string SchemaPath => Path.Combine(ReportTestPaths.RepositoryRoot, "tests", "SgAudit.Tests", "Reporting", "Schemas", "junit-report.xsd");

    /// <summary>The parsed document; throws on malformed XML or any schema error, naming every one.</summary>
    public static XDocument ParseAndValidate(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            CheckCharacters = true,
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        Assert.True(errors.Count == 0, "report.junit.xml does not match the schema:\n" + string.Join("\n", errors.Take(20)));
        return document;
    }

    public static int Count(XElement element, string attribute) =>
        int.Parse(element.Attribute(attribute)?.Value ?? throw new InvalidOperationException($"<{element.Name}> has no {attribute}"), System.Globalization.CultureInfo.InvariantCulture);

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(SchemaPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}

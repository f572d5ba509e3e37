using System.Globalization;
using System.Text;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using SgAudit.Core.Engine;
using SgAudit.Reporting.ViewModels;

namespace SgAudit.Reporting.Templates;

/// <summary>
/// One Handlebars template compiled in its own environment (its encoder, helpers and partials), so writers share
/// nothing. Unknown bindings fail instead of rendering empty, and every Handlebars error becomes a
/// <see cref="ReportException"/> naming the template file.
/// </summary>
internal sealed class CompiledTemplate
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HandlebarsTemplate<TextWriter, object, object> _template;

    private CompiledTemplate(string name, HandlebarsTemplate<TextWriter, object, object> template)
    {
        Name = name;
        _template = template;
    }

    /// <summary>The template as messages name it.</summary>
    public string Name { get; }

    /// <summary>Compiles a template and its partials; a syntax error or unsafe construct is a <see cref="ReportException"/> naming the file.</summary>
    /// <param name="templates">The set to read from.</param>
    /// <param name="path">The main template's relative path.</param>
    /// <param name="encoder">How <c>{{value}}</c> output is escaped for the target format.</param>
    /// <param name="partialsFolder">A folder whose <c>*.hbs</c> files become partials named after the file, or null.</param>
    /// <param name="configure">Registers helpers on the environment before anything is compiled.</param>
    public static CompiledTemplate Compile(TemplateSet templates, string path, ITextEncoder encoder, string? partialsFolder = null, Action<IHandlebars>? configure = null)
    {
        var environment = Handlebars.Create(new HandlebarsConfiguration
        {
            TextEncoder = encoder,
            FormatProvider = CultureInfo.InvariantCulture,
            ThrowOnUnresolvedBindingExpression = true,
        });
        configure?.Invoke(environment);

        if (partialsFolder is not null)
        {
            foreach (var partialPath in templates.List(partialsFolder, ".hbs"))
            {
                var partial = CompileText(environment, templates, partialPath);
                environment.RegisterTemplate(Path.GetFileNameWithoutExtension(partialPath), partial);
            }
        }

        return new CompiledTemplate(templates.Describe(path), CompileText(environment, templates, path));
    }

    /// <summary>Renders a scan's shared view model (<see cref="ReportViewModelBuilder"/>): what the HTML and Markdown writers do.</summary>
    public Task RenderScanAsync(ScanResult result, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        return RenderAsync(output, new ReportViewModelBuilder().Build(result), cancellationToken);
    }

    /// <summary>Renders <paramref name="model"/> into <paramref name="output"/> as UTF-8 without a byte-order mark.</summary>
    public async Task RenderAsync(Stream output, object model, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true);
        Render(writer, model);
        await writer.FlushAsync(cancellationToken);
    }

    private void Render(TextWriter output, object model)
    {
        try
        {
            _template(output, model, null!);
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsUndefinedBindingException)
        {
            throw new ReportException(Name, $"rendering failed: {Describe(ex)}", ex);
        }
    }

    private static HandlebarsTemplate<TextWriter, object, object> CompileText(IHandlebars environment, TemplateSet templates, string path)
    {
        var text = TemplateSafety.Prepare(templates.Read(path), templates.Describe(path));
        try
        {
            using var reader = new StringReader(text);
            return environment.Compile(reader);
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsUndefinedBindingException)
        {
            throw new ReportException(templates.Describe(path), $"the template does not compile: {Describe(ex)}", ex);
        }
    }

    // Handlebars wraps partial errors ("Runtime error while rendering partial 'x', see inner exception…"); keep every level.
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            parts.Add(ex.Message.Replace(", see inner exception for more information", "", StringComparison.Ordinal).Trim());
        }

        return string.Join(": ", parts);
    }
}

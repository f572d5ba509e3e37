namespace SgAudit.Collectors.Models;

/// <summary>Turns a JSON path inside an input file into the place a person looks for ("line 12, $.accounts[0]…").</summary>
public interface ISourceLocator
{
    string Describe(string jsonPath);
}

namespace SgAudit.Collectors.Models;

/// <summary>Splits "$.a.b[3].c" into property names and indexes.</summary>
internal static class JsonPath
{
    public static List<object> Parse(string path)
    {
        var parts = new List<object>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                parts.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                var inner = path[(i + 1)..end];
                if (int.TryParse(inner, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    parts.Add(index);
                }
                else
                {
                    parts.Add(inner.Trim('\''));
                }

                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return parts;
    }
}

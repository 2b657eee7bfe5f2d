using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Dispatch.Data.Tests.Infrastructure;

/// <summary>
/// Every public property of an object graph as text, so a round trip compares all of an entity's state
/// in one assertion (and names the property that differs). Times are written as UTC ticks: the stores
/// keep the instant, not the offset.
/// </summary>
internal static class Snapshot
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Append(text, "", value, depth: 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string path, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append(path).AppendLine(" = null");
                return;
            case string or Guid or Enum or bool or int or long or TimeSpan:
                text.Append(path).Append(" = ").AppendLine(Convert.ToString(value, CultureInfo.InvariantCulture));
                return;
            case double number:
                text.Append(path).Append(" = ").AppendLine(number.ToString("R", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset time:
                text.Append(path).Append(" = ").Append(time.UtcTicks).AppendLine(" (UTC ticks)");
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    Append(text, $"{path}[{index++}]", item, depth + 1);
                }

                text.Append(path).Append(".Count = ").Append(index).AppendLine();
                return;
        }

        if (depth > 4)
        {
            throw new InvalidOperationException($"Object graph too deep at {path}.");
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Append(text, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.GetValue(value), depth + 1);
            }
        }
    }
}

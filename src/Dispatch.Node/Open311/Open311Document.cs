using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Dispatch.Node.Open311;

/// <summary>
/// An Open311 answer in the format its path asks for: JSON (an array of objects, or one object) or XML (a root element
/// holding one element per item), with GeoReport v2's names. Times are W3C date-times in UTC.
/// </summary>
internal sealed record Open311Document(string Format, string Root, string? Item, IReadOnlyList<IReadOnlyList<Open311Field>> Items)
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>A list answer: <c>[{...}, ...]</c> or <c>&lt;root&gt;&lt;item&gt;...&lt;/item&gt;...&lt;/root&gt;</c>.</summary>
    public static Open311Document List(string format, string root, string item, IEnumerable<IReadOnlyList<Open311Field>> items) =>
        new(format, root, item, [.. items]);

    /// <summary>A single-object answer: <c>{...}</c> or <c>&lt;root&gt;...&lt;/root&gt;</c>.</summary>
    public static Open311Document Single(string format, string root, IReadOnlyList<Open311Field> fields) =>
        new(format, root, null, [fields]);

    public IResult ToResult(int status = StatusCodes.Status200OK) => Format == Xml
        ? Results.Text(WriteXml(), "application/xml; charset=utf-8", Encoding.UTF8, status)
        : Results.Text(WriteJson(), "application/json; charset=utf-8", Encoding.UTF8, status);

    private string WriteJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (Item is not null)
            {
                json.WriteStartArray();
            }

            foreach (var fields in Items)
            {
                WriteJsonObject(json, fields);
            }

            if (Item is not null)
            {
                json.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJsonObject(Utf8JsonWriter json, IReadOnlyList<Open311Field> fields)
    {
        json.WriteStartObject();
        foreach (var field in fields)
        {
            json.WritePropertyName(field.Name);
            WriteJsonValue(json, field.Value);
        }

        json.WriteEndObject();
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(Time(time));
                break;
            case IEnumerable<IReadOnlyList<Open311Field>> list:
                json.WriteStartArray();
                foreach (var fields in list)
                {
                    WriteJsonObject(json, fields);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private string WriteXml()
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(Root);
            foreach (var fields in Items)
            {
                if (Item is not null)
                {
                    xml.WriteStartElement(Item);
                }

                WriteXmlFields(xml, fields);
                if (Item is not null)
                {
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteXmlFields(XmlWriter xml, IReadOnlyList<Open311Field> fields)
    {
        foreach (var field in fields)
        {
            xml.WriteStartElement(field.Name);
            switch (field.Value)
            {
                case null:
                    break;
                case bool b:
                    xml.WriteString(b ? "true" : "false");
                    break;
                case DateTimeOffset time:
                    xml.WriteString(Time(time));
                    break;
                case IEnumerable<IReadOnlyList<Open311Field>> list:
                    foreach (var item in list)
                    {
                        xml.WriteStartElement("attribute");
                        WriteXmlFields(xml, item);
                        xml.WriteEndElement();
                    }

                    break;
                case var value:
                    xml.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }

            xml.WriteEndElement();
        }
    }

    private static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A writer whose declared encoding is UTF-8 (a StringWriter declares UTF-16).</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

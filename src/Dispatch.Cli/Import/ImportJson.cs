using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Cli.Import;

/// <summary>The import summary's JSON (camelCase), generated at build time: no reflection to warm up.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class ImportJson : JsonSerializerContext;

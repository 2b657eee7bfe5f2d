using System.Text.Json.Serialization;

namespace Dispatch.Cli.Profiles;

/// <summary>The profiles file's JSON, generated at build time: no reflection to warm up on every command.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ProfileStore.State))]
internal sealed partial class ProfileJson : JsonSerializerContext;

using Google.Protobuf.Reflection;

namespace Grpc.Reflection;

/// <summary>
/// What the reflection service can tell about a set of services: their names, and for every file
/// they reach (their own and all it imports, transitively) the file's name, the symbols it
/// defines and the extensions it declares. Immutable once built.
/// </summary>
internal sealed class SymbolIndex
{
    private readonly List<string> serviceNames = [];
    private readonly Dictionary<string, FileDescriptor> filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> filesBySymbol = new(StringComparer.Ordinal);
    private readonly HashSet<string> messageTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<int, FieldDescriptor>> extensionsByType = new(StringComparer.Ordinal);

    private SymbolIndex()
    {
    }

    /// <summary>Fully-qualified names of the services, in the order given, each once.</summary>
    public IReadOnlyList<string> ServiceNames => serviceNames;

    public static SymbolIndex Build(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var index = new SymbolIndex();
        foreach (var service in services)
        {
            if (!index.serviceNames.Contains(service.FullName))
            {
                index.serviceNames.Add(service.FullName);
                index.AddFile(service.File);
            }
        }

        return index;
    }

    public FileDescriptor? FindFileByName(string fileName) =>
        filesByName.GetValueOrDefault(fileName);

    /// <summary>The file defining a service, method, message, enum or extension; a leading dot is allowed.</summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) =>
        filesBySymbol.GetValueOrDefault(WithoutLeadingDot(symbol));

    public FileDescriptor? FindFileContainingExtension(string containingType, int extensionNumber) =>
        extensionsByType.TryGetValue(WithoutLeadingDot(containingType), out var extensions)
        && extensions.TryGetValue(extensionNumber, out var extension)
            ? extension.File
            : null;

    /// <summary>The extension numbers of a message type, ascending; null if the type is not known.</summary>
    public IReadOnlyList<int>? FindExtensionNumbers(string messageType)
    {
        var name = WithoutLeadingDot(messageType);
        if (!messageTypes.Contains(name))
        {
            return null;
        }

        return extensionsByType.TryGetValue(name, out var extensions) ? [.. extensions.Keys] : [];
    }

    /// <summary>A file first, then every file it imports, transitively, each once.</summary>
    public static IReadOnlyList<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var result = new List<FileDescriptor> { file };
        var seen = new HashSet<string>(StringComparer.Ordinal) { file.Name };
        for (var next = 0; next < result.Count; next++)
        {
            foreach (var dependency in result[next].Dependencies)
            {
                if (seen.Add(dependency.Name))
                {
                    result.Add(dependency);
                }
            }
        }

        return result;
    }

    private static string WithoutLeadingDot(string name) => name.StartsWith('.') ? name[1..] : name;

    private void AddFile(FileDescriptor file)
    {
        if (!filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddSymbol(enumType.FullName, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions, file);

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        messageTypes.Add(message.FullName);
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddSymbol(enumType.FullName, file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions, file);
    }

    private void AddExtensions(IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            var extendee = extension.ExtendeeType.FullName;
            if (!extensionsByType.TryGetValue(extendee, out var byNumber))
            {
                byNumber = new();
                extensionsByType.Add(extendee, byNumber);
            }

            byNumber.TryAdd(extension.FieldNumber, extension);
        }
    }

    // A name defined twice would have been rejected by protoc; keep the first anyway.
    private void AddSymbol(string fullName, FileDescriptor file) => filesBySymbol.TryAdd(fullName, file);
}

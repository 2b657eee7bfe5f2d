using Google.Protobuf;
using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Dispatch.Grpc.Tests.Reflection;

/// <summary>
/// Three small proto2 files built in code, so that the index is tested on shapes the runtime's
/// own protos lack: imports two levels deep reached by two paths, nested messages and enums,
/// and extensions declared at file level and inside a message.
/// <code>
/// base.proto:    message Base { extensions 100 to 200; }  message Shared {}  enum Color {}
/// mid.proto:     import base.proto; message Mid { message Inner { enum Kind {} }
///                  extend Base { optional string note = 150; } }  extend Base { optional int32 level = 100; }
/// widgets.proto: import mid.proto; import base.proto; service Widgets { rpc Get(Mid) returns (Shared); }
/// </code>
/// </summary>
internal static class TestDescriptors
{
    public const string Package = "test.reflection.v1";
    public const string BaseFile = "test/reflection/v1/base.proto";
    public const string MidFile = "test/reflection/v1/mid.proto";
    public const string WidgetsFile = "test/reflection/v1/widgets.proto";

    private static readonly Lazy<IReadOnlyList<FileDescriptor>> Files = new(Build);

    public static FileDescriptor Base => Files.Value[0];

    public static FileDescriptor Mid => Files.Value[1];

    public static FileDescriptor Widgets => Files.Value[2];

    public static ServiceDescriptor WidgetsService => Widgets.Services[0];

    private static IReadOnlyList<FileDescriptor> Build()
    {
        var baseFile = new FileDescriptorProto { Name = BaseFile, Package = Package };
        var baseMessage = new DescriptorProto { Name = "Base" };
        baseMessage.ExtensionRange.Add(new DescriptorProto.Types.ExtensionRange { Start = 100, End = 201 });
        baseFile.MessageType.Add(baseMessage);
        baseFile.MessageType.Add(new DescriptorProto { Name = "Shared" });
        baseFile.EnumType.Add(Enum("Color", "COLOR_UNSPECIFIED"));

        var midFile = new FileDescriptorProto { Name = MidFile, Package = Package };
        midFile.Dependency.Add(BaseFile);
        var inner = new DescriptorProto { Name = "Inner" };
        inner.EnumType.Add(Enum("Kind", "KIND_UNSPECIFIED"));
        var mid = new DescriptorProto { Name = "Mid" };
        mid.NestedType.Add(inner);
        mid.Extension.Add(Extension("note", 150, Type.String));
        midFile.MessageType.Add(mid);
        midFile.Extension.Add(Extension("level", 100, Type.Int32));

        var widgetsFile = new FileDescriptorProto { Name = WidgetsFile, Package = Package };
        widgetsFile.Dependency.Add(MidFile);
        widgetsFile.Dependency.Add(BaseFile);
        var service = new ServiceDescriptorProto { Name = "Widgets" };
        service.Method.Add(new MethodDescriptorProto
        {
            Name = "Get",
            InputType = $".{Package}.Mid",
            OutputType = $".{Package}.Shared",
        });
        widgetsFile.Service.Add(service);

        return FileDescriptor.BuildFromByteStrings(
            [baseFile.ToByteString(), midFile.ToByteString(), widgetsFile.ToByteString()]);
    }

    private static EnumDescriptorProto Enum(string name, string zeroValue)
    {
        var result = new EnumDescriptorProto { Name = name };
        result.Value.Add(new EnumValueDescriptorProto { Name = zeroValue, Number = 0 });
        return result;
    }

    private static FieldDescriptorProto Extension(string name, int number, Type type) => new()
    {
        Name = name,
        Number = number,
        Label = FieldDescriptorProto.Types.Label.Optional,
        Type = type,
        Extendee = $".{Package}.Base",
    };
}

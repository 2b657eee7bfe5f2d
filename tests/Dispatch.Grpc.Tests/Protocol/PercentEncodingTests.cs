using Grpc.Internal;

namespace Dispatch.Grpc.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("plain text ~!", "plain text ~!")]
    [InlineData("100%", "100%25")]
    [InlineData("a\tb\r\n", "a%09b%0D%0A")]
    [InlineData("é", "%C3%A9")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Encode_Value_EscapesOutsidePrintableAscii(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(value));
    }

    [Theory]
    [InlineData("\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")]
    [InlineData("")]
    [InlineData("%%%")]
    public void EncodeThenDecode_RoundTripsExactly(string value)
    {
        Assert.Equal(value, PercentEncoding.Decode(PercentEncoding.Encode(value)));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz%41", "%zzA")]
    [InlineData("50%", "50%")]
    public void Decode_BadEscape_KeptAsText(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Decode(value));
    }
}

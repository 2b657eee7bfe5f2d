using Grpc.Core;
using Grpc.Internal;

namespace Dispatch.Grpc.Tests.Protocol;

public sealed class MetadataTests
{
    [Fact]
    public void Add_MixedCaseKey_StoredLowerCase()
    {
        var metadata = new Metadata { { "X-Trace-ID", "abc" } };
        Assert.Equal("x-trace-id", metadata[0].Key);
        Assert.Equal("abc", metadata.GetValue("x-trace-id"));
    }

    [Theory]
    [InlineData("bad key")]
    [InlineData("ключ")]
    [InlineData("")]
    [InlineData("a:b")]
    public void Add_InvalidKey_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => new Metadata { { key, "v" } });
    }

    [Fact]
    public void Add_StringValueWithControlCharacter_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Metadata { { "k", "line\nbreak" } });
    }

    [Fact]
    public void Add_BinaryKeyWithString_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Metadata { { "k-bin", "text" } });
        Assert.Throws<ArgumentException>(() => new Metadata { { "k", new byte[] { 1 } } });
    }

    [Fact]
    public void Get_RepeatedKey_LastWinsAndGetAllReturnsEvery()
    {
        var metadata = new Metadata { { "k", "1" }, { "k", "2" } };
        Assert.Equal("2", metadata.GetValue("k"));
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
    }

    [Fact]
    public void ValueBytes_Binary_IsACopy()
    {
        var bytes = new byte[] { 1, 2 };
        var entry = new Metadata.Entry("k-bin", bytes);
        entry.ValueBytes[0] = 9;
        Assert.Equal(1, entry.ValueBytes[0]);
        Assert.True(entry.IsBinary);
        Assert.Throws<InvalidOperationException>(() => entry.Value);
    }

    [Fact]
    public void Empty_IsReadOnly()
    {
        Assert.Throws<InvalidOperationException>(() => Metadata.Empty.Add("k", "v"));
    }

    [Fact]
    public void HeaderValue_Binary_UnpaddedBase64()
    {
        Assert.Equal("AQI", MetadataHeaders.ToHeaderValue(new Metadata.Entry("k-bin", [1, 2])));
    }

    [Theory]
    [InlineData("AQI")]
    [InlineData("AQI=")]
    public void AddHeader_PaddedOrUnpadded_Decodes(string value)
    {
        var metadata = new Metadata();
        MetadataHeaders.Add(metadata, "k-bin", value);
        Assert.Equal(new byte[] { 1, 2 }, metadata.GetValueBytes("k-bin"));
    }

    [Fact]
    public void AddHeader_CommaJoinedBinary_SplitsIntoEntries()
    {
        var metadata = new Metadata();
        MetadataHeaders.Add(metadata, "k-bin", "AQ,Ag==");
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], metadata.GetAll("k-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public void AddHeader_InvalidBase64_Skipped()
    {
        var metadata = new Metadata();
        MetadataHeaders.Add(metadata, "k-bin", "!!!");
        Assert.Empty(metadata);
    }
}

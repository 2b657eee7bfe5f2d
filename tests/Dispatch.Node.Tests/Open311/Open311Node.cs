using System.Text.Json;
using Dispatch.Data;
using Dispatch.Node.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Node.Tests.Open311;

/// <summary>
/// One village node (SQLite, demo directory with its grid extents) shared by a test class, with two registered Open311
/// apps, and helpers that speak GeoReport v2 to its web port as a client would.
/// </summary>
public sealed class Open311Node : IAsyncLifetime
{
    public const string Key = "test-app-key";
    public const string OtherKey = "other-app-key";
    public const string Base = "/open311/v2/";

    /// <summary>A point in demo grid 1 (and in no other demo grid).</summary>
    public const string Lat = "39.9215";
    public const string Long = "116.442";

    public NodeTestHost Node { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await NodeTestHost.StartAsync(StorageKind.Sqlite, Settings("Village"));
        Http = WebPort.Open(Node);
    }

    public static Dictionary<string, string?> Settings(string tier) => new()
    {
        ["Node:Tier"] = tier,
        ["Deadlines:Enabled"] = "true",
        ["Open311:Apps:0:Name"] = "test-app",
        ["Open311:Apps:0:Key"] = Key,
        ["Open311:Apps:1:Name"] = "other-app",
        ["Open311:Apps:1:Key"] = OtherKey,
    };

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Node.DisposeAsync();
    }

    /// <summary>A POST requests.json form with the test app's key, a point in grid 1 and the given fields over those.</summary>
    public static Dictionary<string, string> Form(string description, params (string Name, string? Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["api_key"] = Key,
            ["service_code"] = "0201",
            ["lat"] = Lat,
            ["long"] = Long,
            ["address_string"] = "North gate, Building 3",
            ["description"] = description,
        };
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                form.Remove(name);
            }
            else
            {
                form[name] = value;
            }
        }

        return form;
    }

    public Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string format = "json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Posts and returns the new request's id (the case number), asserting success.</summary>
    public async Task<string> ReportAsync(string description, params (string Name, string? Value)[] changes)
    {
        var response = await PostAsync(Form(description, changes));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(Base + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<int> CaseCountAsync()
    {
        await using var db = await Node.Services.GetRequiredService<IDbContextFactory<DispatchDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    /// <summary>Asserts a GeoReport v2 error: the HTTP status, and one {code, description} with that code whose description contains <paramref name="words"/>.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string words)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var errors = JsonDocument.Parse(body).RootElement;
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.Contains(words, error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}

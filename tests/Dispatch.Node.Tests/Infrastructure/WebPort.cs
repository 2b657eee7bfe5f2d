using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Dispatch.Node.Seeding;

namespace Dispatch.Node.Tests.Infrastructure;

/// <summary>Plain HTTP on a node's web port, as a browser without scripts would: cookies kept, redirects not followed.</summary>
public static partial class WebPort
{
    public static HttpClient Open(NodeTestHost node) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = node.WebAddress };

    public static HttpClient WithBearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Fills in and posts the sign-in form as a browser would, asking to come back to <paramref name="returnUrl"/>.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password = DemoDirectory.Password, string returnUrl = "/")
    {
        var form = await browser.GetStringAsync($"/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        return await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(form),
            ["returnUrl"] = returnUrl,
            ["userName"] = userName,
            ["password"] = password,
        }));
    }

    public static string FormToken(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

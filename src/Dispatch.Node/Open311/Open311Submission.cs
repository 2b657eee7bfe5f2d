using System.Security.Cryptography;
using System.Text;
using Dispatch.Application.Errors;
using Dispatch.Application.Open311;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Geography;
using Microsoft.Extensions.Primitives;

namespace Dispatch.Node.Open311;

/// <summary>
/// A POST requests form (application/x-www-form-urlencoded, or multipart without files) read into a submission. Its
/// idempotency key: the client's <c>Idempotency-Key</c> header, or else a hash of every submitted field but api_key, so
/// that a client's retry of the same POST (Open311 has no request id) reports one case.
/// </summary>
internal static class Open311Submission
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int IdempotencyKeyMaxLength = 100;

    /// <summary>Contact and reference fields: accepted (and part of the hash), not kept.</summary>
    private const int ContactMaxLength = 200;

    private static readonly string[] ContactFields = ["email", "device_id", "account_id", "first_name", "last_name", "phone", "address_id"];

    public static ServiceRequestSubmission Read(IFormCollection form, StringValues idempotencyKey)
    {
        if (form.Files.Count > 0)
        {
            throw new InvalidRequestException(form.Files[0].Name, "file uploads are not accepted; send a media_url instead.");
        }

        foreach (var field in ContactFields)
        {
            Open311Input.Text(field, form[field], ContactMaxLength);
        }

        var serviceCode = Open311Input.Text("service_code", form["service_code"], ContactMaxLength)
            ?? throw new InvalidRequestException("service_code", "is required.");
        return new ServiceRequestSubmission(
            RequestId(form, idempotencyKey),
            serviceCode,
            Open311Input.Degrees("lat", form["lat"], 90),
            Open311Input.Degrees("long", form["long"], 180),
            Open311Input.Text("address_string", form["address_string"], Location.AddressMaxLength),
            Open311Input.Text("description", form["description"], CaseLimits.DescriptionMaxLength),
            Open311Input.Text("media_url", form["media_url"], CaseLimits.EvidenceRefMaxLength));
    }

    private static string RequestId(IFormCollection form, StringValues idempotencyKey)
    {
        if (idempotencyKey.Count > 0)
        {
            var key = idempotencyKey.ToString();
            if (idempotencyKey.Count > 1 || key.Length is 0 or > IdempotencyKeyMaxLength || key.Any(c => c is < '!' or > '~'))
            {
                throw new InvalidRequestException(IdempotencyHeader, $"must be one value of 1 to {IdempotencyKeyMaxLength} printable ASCII characters.");
            }

            return "open311:key:" + key;
        }

        // Every field but the key, in name order, each with its length, so no two forms hash alike by shifting text.
        var canonical = new StringBuilder();
        foreach (var (name, values) in form.Where(f => f.Key != "api_key").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                canonical.Append(name.Length).Append(':').Append(name).Append('=').Append(value?.Length ?? 0).Append(':').Append(value).Append('\n');
            }
        }

        return "open311:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}

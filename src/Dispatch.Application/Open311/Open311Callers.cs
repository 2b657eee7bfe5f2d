using System.Security.Cryptography;
using System.Text;
using Dispatch.Application.Security;
using Dispatch.Domain.Directory;
using Dispatch.Domain.Geography;

namespace Dispatch.Application.Open311;

/// <summary>
/// A registered Open311 app as a caller the permission table knows: a grid worker of the one grid its report's location
/// lies in, with an id of its own derived from the app's name (stable across restarts and replicas), so its reports
/// are its own for idempotency and no app can report into a grid its location does not name.
/// </summary>
internal static class Open311Callers
{
    public static CallerIdentity For(string appName, GridId grid) =>
        new(ReporterId(appName), "open311:" + appName, Role.GridWorker, [grid], null);

    public static Guid ReporterId(string appName) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("dispatch-open311-app:" + appName)).AsSpan(0, 16));
}

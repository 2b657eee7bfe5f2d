using Dispatch.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Dispatch.Fuzzing;

/// <summary>
/// Gets a node ready to be fuzzed, through its public API only: signs in every user (their tokens become the valid
/// credentials), reports and moves a few cases along so there are real ids to aim at, and reads the directory.
/// </summary>
public sealed record FuzzSession(FuzzVocabulary Vocabulary, IReadOnlyList<FuzzCredential> Credentials)
{
    public static async Task<FuzzSession> PrepareAsync(
        Uri address, IReadOnlyList<string> userNames, string password, IReadOnlyList<FuzzCredential> nodeCredentials, IReadOnlyList<string> nodeIds, int seedCases)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var auth = new AuthService.AuthServiceClient(channel);
        var logins = new Dictionary<string, LoginResponse>(StringComparer.Ordinal);
        foreach (var name in userNames)
        {
            logins[name] = await auth.LoginAsync(new LoginRequest { UserName = name, Password = password });
        }

        Metadata As(Role role) => new() { { "authorization", "Bearer " + logins.Values.First(l => l.Role == role).AccessToken } };
        var directory = new DirectoryService.DirectoryServiceClient(channel);
        var grids = (await directory.ListGridsAsync(new ListGridsRequest(), As(Role.Admin))).Grids.Select(g => g.Id).ToList();
        var departments = (await directory.ListDepartmentsAsync(new ListDepartmentsRequest(), As(Role.Admin))).Departments.Select(d => d.Id).ToList();
        var users = (await directory.ListUsersAsync(new ListUsersRequest(), As(Role.Admin))).Users.Select(u => u.Id).ToList();

        var cases = new CaseService.CaseServiceClient(channel);
        var worker = logins.Values.First(l => l.Role == Role.GridWorker);
        var workerCall = new Metadata { { "authorization", "Bearer " + worker.AccessToken } };
        for (var i = 0; i < seedCases; i++)
        {
            var reported = (await cases.ReportCaseAsync(SeedReport(i, worker.GridIds[i % worker.GridIds.Count]), workerCall)).Case;
            if (i % 2 == 0)
            {
                var accepted = (await cases.AcceptCaseAsync(new AcceptCaseRequest { CaseId = reported.Id, ExpectedVersion = reported.Version }, As(Role.Dispatcher))).Case;
                if (i % 4 == 0 && departments.Count > 0)
                {
                    var assignee = new Assignee { Kind = AssigneeKind.Department, Id = departments[0] };
                    await cases.AssignCaseAsync(new AssignCaseRequest { CaseId = accepted.Id, ExpectedVersion = accepted.Version, Assignee = assignee }, As(Role.Dispatcher));
                }
            }
        }

        var caseIds = (await cases.ListCasesAsync(new ListCasesRequest { PageSize = 200 }, As(Role.Dispatcher))).Cases.Select(c => c.Id).ToList();
        var vocabulary = new FuzzVocabulary
        {
            CaseIds = caseIds,
            GridIds = grids,
            DepartmentIds = departments,
            UserIds = users,
            UserNames = userNames,
            NodeIds = nodeIds,
            Password = password,
        };
        List<FuzzCredential> credentials =
        [
            .. logins.Select(l => FuzzCredential.Bearer(l.Key, l.Value.AccessToken)),
            .. nodeCredentials,
            .. FuzzCredential.Invalid(worker.AccessToken),
        ];
        return new FuzzSession(vocabulary, credentials);
    }

    private static ReportCaseRequest SeedReport(int i, string grid) => new()
    {
        RequestId = $"fuzz-seed-{i}",
        Title = $"Fuzz seed case {i}",
        Description = "A case for the fuzzer to aim at.",
        CategoryCode = i % 3 == 0 ? "0301" : "0201",
        GridId = grid,
        Location = new Location { Latitude = 39.9, Longitude = 116.4, Address = "North gate" },
        Whistle = WhistleClass.Daily,
        HandlingMode = HandlingMode.Split,
    };
}

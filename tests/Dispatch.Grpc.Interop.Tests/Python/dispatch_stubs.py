"""The node's methods bound by hand on a grpcio channel (no generated python stubs on Debian)."""

import uuid

from dispatch_common import grpc, serialize

# Seeded by the node's demo directory (src/Dispatch.Node/Seeding/DemoDirectory.cs).
DEMO_PASSWORD = "dispatch-demo"
WORKER = "worker1"
WORKER_GRID = "110105001001001"
CATEGORY = "0201"

CALL_TIMEOUT_SECONDS = 30
REFLECTION_PATHS = {
    "v1": "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    "v1alpha": "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
}


def bearer(token):
    return [("authorization", "Bearer " + token)]


class NodeStubs:
    def __init__(self, channel, pb):
        self.pb = pb
        self.channel = channel
        self.login = channel.unary_unary(
            "/dispatch.v1.AuthService/Login", serialize, pb.auth.LoginResponse.FromString)
        self.report_case = channel.unary_unary(
            "/dispatch.v1.CaseService/ReportCase", serialize, pb.cases.ReportCaseResponse.FromString)
        self.watch_cases = channel.unary_stream(
            "/dispatch.v1.CaseService/WatchCases", serialize, pb.cases.WatchCasesResponse.FromString)
        self.health_check = channel.unary_unary(
            "/grpc.health.v1.Health/Check", serialize, pb.health.HealthCheckResponse.FromString)

    def reflection(self, version):
        return self.channel.stream_stream(
            REFLECTION_PATHS[version], serialize, self.pb.reflection.ServerReflectionResponse.FromString)

    def raw_unary(self, path):
        """A call that sends and receives raw bytes, for paths the node does not serve."""
        return self.channel.unary_unary(path, lambda data: data, lambda data: data)

    def sign_in(self, user=WORKER, password=DEMO_PASSWORD):
        request = self.pb.auth.LoginRequest(user_name=user, password=password)
        return self.login(request, timeout=CALL_TIMEOUT_SECONDS).access_token

    def health(self):
        response = self.health_check(self.pb.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_SECONDS)
        return self.pb.health.HealthCheckResponse.ServingStatus.Name(response.status)

    def report_request(self, title="Overflowing bin at the north gate", description="", grid_id=WORKER_GRID):
        return self.pb.cases.ReportCaseRequest(
            request_id=str(uuid.uuid4()),
            title=title,
            description=description,
            category_code=CATEGORY,
            grid_id=grid_id,
            location=self.pb.common.Location(latitude=39.9, longitude=116.4, address="North gate"),
            whistle=self.pb.common.WHISTLE_CLASS_DAILY,
            handling_mode=self.pb.common.HANDLING_MODE_FAST)

    def case_status_name(self, value):
        return self.pb.common.CaseStatus.Name(value)

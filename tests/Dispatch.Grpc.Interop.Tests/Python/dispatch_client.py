"""Python grpcio client for a running Dispatch node: runs one case and prints what it saw as JSON.

The C# tests assert on that JSON, the last line printed. A line {"await_call_end": id} before it asks
the test whether the node has ended a call; the answer comes on stdin. Exit 0: the case ran (its JSON
may well report an error status, which is what the test checks); 1: an unexpected exception
(traceback on stderr); 2: bad arguments; 3: a broken set-up (no grpcio, protoc or python3-protobuf).

Usage: /usr/bin/python3 dispatch_client.py --target 127.0.0.1:PORT --case NAME [--ca CA.pem]
With --ca the channel is TLS, trusting only that certificate authority.
"""

import argparse
import faulthandler
import json
import sys
import uuid

import dispatch_common as common
from dispatch_common import grpc
from dispatch_stubs import CALL_TIMEOUT_SECONDS, NodeStubs, bearer
from google.protobuf import descriptor_pb2

# A hung run dumps every thread's stack to stderr before the test's own limit ends it.
WATCHDOG_SECONDS = 45
# Past the last sequence any node of a test holds: a watch from here waits for new events.
FAR_FUTURE_SEQUENCE = 2 ** 62
OVER_RECEIVE_LIMIT = 5 * 1024 * 1024
# Tags a call for the test's node (Fixtures/InteropNode.cs records when it ends such a call).
CALL_ID_HEADER = "x-interop-call-id"


def expect_error(call):
    try:
        call()
    except grpc.RpcError as error:
        return common.status_of(error)
    return {"code": "OK", "details": ""}


def reflection(node, version):
    pb = node.pb.reflection
    requests = [
        pb.ServerReflectionRequest(list_services=""),
        pb.ServerReflectionRequest(file_containing_symbol="dispatch.v1.CaseService"),
    ]
    listed, described = list(node.reflection(version)(iter(requests), timeout=CALL_TIMEOUT_SECONDS))
    methods = []
    for data in described.file_descriptor_response.file_descriptor_proto:
        file = descriptor_pb2.FileDescriptorProto.FromString(data)
        for service in file.service:
            if file.package + "." + service.name == "dispatch.v1.CaseService":
                methods += [method.name for method in service.method]
    return {
        "services": sorted(service.name for service in listed.list_services_response.service),
        "case_service_methods": methods,
    }


def login(node, password):
    request = node.pb.auth.LoginRequest(user_name="worker1", password=password)
    try:
        response = node.login(request, timeout=CALL_TIMEOUT_SECONDS)
    except grpc.RpcError as error:
        return common.status_of(error)
    return {
        "code": "OK",
        "token_length": len(response.access_token),
        "role": node.pb.common.Role.Name(response.role),
        "grid_ids": list(response.grid_ids),
    }


def reported(node, response):
    case = response.case
    return {"created": response.created, "case_id": case.id, "grid_id": case.grid_id,
            "title": case.title, "status": node.case_status_name(case.status)}


def report_case(node, compression=None, **fields):
    token = node.sign_in()
    response = node.report_case(node.report_request(**fields), metadata=bearer(token),
                                timeout=CALL_TIMEOUT_SECONDS, compression=compression)
    return reported(node, response)


def report_case_error(node, with_token, **fields):
    metadata = bearer(node.sign_in()) if with_token else None
    request = node.report_request(**fields)
    status = expect_error(lambda: node.report_case(request, metadata=metadata, timeout=CALL_TIMEOUT_SECONDS))
    status["health_after"] = node.health()
    return status


def watch_cases(node):
    token = node.sign_in()
    case_id = node.report_case(node.report_request(), metadata=bearer(token), timeout=CALL_TIMEOUT_SECONDS).case.id
    stream = node.watch_cases(node.pb.cases.WatchCasesRequest(from_sequence=0), metadata=bearer(token),
                              timeout=CALL_TIMEOUT_SECONDS)
    try:
        for notice in stream:
            if notice.case_id == case_id:
                return {"reported_case_id": case_id, "case_id": notice.case_id, "sequence": notice.sequence,
                        "event_type": notice.event.type, "status": node.case_status_name(notice.status)}
    finally:
        stream.cancel()
    return {"reported_case_id": case_id, "case_id": None}


def tagged(token):
    """Bearer metadata plus an id the test's node records when it ends the call (see await_call_end)."""
    call_id = str(uuid.uuid4())
    return call_id, bearer(token) + [(CALL_ID_HEADER, call_id)]


def await_call_end(call_id):
    """Asks the test whether the node has ended the tagged call; it answers 'ended' or 'not-ended'."""
    print(json.dumps({"await_call_end": call_id}), flush=True)
    return sys.stdin.readline().strip()


def deadline(node):
    call_id, metadata = tagged(node.sign_in())
    stream = node.watch_cases(node.pb.cases.WatchCasesRequest(from_sequence=FAR_FUTURE_SEQUENCE),
                              metadata=metadata, timeout=0.5)
    status = expect_error(lambda: list(stream))
    status["node_call"] = await_call_end(call_id)
    status["health_after"] = node.health()
    return status


def cancel(node):
    token = node.sign_in()
    node.report_case(node.report_request(), metadata=bearer(token), timeout=CALL_TIMEOUT_SECONDS)
    call_id, metadata = tagged(token)
    stream = node.watch_cases(node.pb.cases.WatchCasesRequest(from_sequence=0), metadata=metadata,
                              timeout=CALL_TIMEOUT_SECONDS)
    first = next(stream)
    stream.cancel()
    status = expect_error(lambda: list(stream))
    status["received_before_cancel"] = first.sequence > 0
    status["node_call"] = await_call_end(call_id)
    status["health_after"] = node.health()
    status["report_after"] = report_case(node)["created"]
    return status


def size_limit(node):
    return report_case_error(node, with_token=True, description="x" * OVER_RECEIVE_LIMIT)


def unknown_method(node):
    return {
        "unknown_method": expect_error(lambda: node.raw_unary("/dispatch.v1.CaseService/NoSuchMethod")(
            b"", timeout=CALL_TIMEOUT_SECONDS)),
        "unknown_service": expect_error(lambda: node.raw_unary("/dispatch.v1.NoSuchService/Call")(
            b"", timeout=CALL_TIMEOUT_SECONDS)),
    }


CASES = {
    "reflection-v1": lambda node: reflection(node, "v1"),
    "reflection-v1alpha": lambda node: reflection(node, "v1alpha"),
    "health": lambda node: {"status": node.health()},
    "login": lambda node: login(node, "dispatch-demo"),
    "login-wrong-password": lambda node: login(node, "not-the-password"),
    "report-case": report_case,
    "report-case-without-token": lambda node: report_case_error(node, with_token=False),
    "report-case-bad-grid": lambda node: report_case_error(node, with_token=True, grid_id="not-a-grid"),
    "report-case-gzip": lambda node: report_case(
        node, compression=grpc.Compression.Gzip, description="Compressible text. " * 200),
    "watch-cases": watch_cases,
    "deadline": deadline,
    "cancel": cancel,
    "size-limit": size_limit,
    "unknown-method": unknown_method,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True, help="host:port of the node's gRPC endpoint")
    parser.add_argument("--case", required=True, choices=sorted(CASES))
    parser.add_argument("--ca", help="PEM file of the certificate authority for a TLS channel")
    arguments = parser.parse_args()
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    pb = common.load_messages()
    with common.open_channel(arguments.target, arguments.ca) as channel:
        result = CASES[arguments.case](NodeStubs(channel, pb))
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())

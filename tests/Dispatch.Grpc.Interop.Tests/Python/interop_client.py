"""Python grpcio interop client for dispatch.interop.v1.InteropTest.

Runs one test case against a plaintext server and exits 0 when it passes; on failure it prints
'FAIL <case>: <reason>' to stderr and exits 1 (2 for bad arguments, 3 for a broken setup).

Usage: /usr/bin/python3 interop_client.py --port PORT --case NAME [--host HOST] [--proto PATH]
"""

import argparse
import faulthandler
import os
import queue
import sys

import interop_common as common
from interop_common import grpc

TIMEOUT_SECONDS = 30
# A hung run dumps every thread's stack to stderr and exits before the test's own limit (60 s).
WATCHDOG_SECONDS = 45

REQUEST_SIZES = [27182, 8, 1828, 45904]
RESPONSE_SIZES = [31415, 9, 2653, 58979]
LARGE_REQUEST_SIZE = 271828
LARGE_RESPONSE_SIZE = 314159
ECHO_INITIAL_VALUE = "test_initial_metadata_value"
ECHO_TRAILING_VALUE = b"\xab\xab\xab"
STATUS_MESSAGE = "test status message"
SPECIAL_STATUS_MESSAGE = "\t tab, CR\r, LF\n, CRLF\r\n, 100% \u00e9t\u00e9 \u2603 \u6f22 and \U0001F680 \U00010348\t\n"


class CaseFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CaseFailure(message)


class RequestQueue:
    """A request iterator fed one message at a time; close() half-closes the call."""

    _END = object()

    def __init__(self):
        self._queue = queue.Queue()

    def put(self, message):
        self._queue.put(message)

    def close(self):
        self._queue.put(self._END)

    def __iter__(self):
        return self

    def __next__(self):
        item = self._queue.get()
        if item is self._END:
            raise StopIteration
        return item


class InteropClient:
    """Runs the cases on `channel` (decompression off, see interop_common); `standard_channel`
    is a channel with C-core's usual settings, for the checks that need its decompression."""

    def __init__(self, channel, standard_channel, pb):
        self._pb = pb
        deserializer = common.received_deserializer
        serialize = common.serialize

        def method(service, name):
            return "/%s/%s" % (service, name)

        self.empty_call = channel.unary_unary(
            method(common.SERVICE, "EmptyCall"), serialize, deserializer(pb.EmptyCallResponse))
        self.unary_call = channel.unary_unary(
            method(common.SERVICE, "UnaryCall"), serialize, deserializer(pb.UnaryCallResponse))
        self.streaming_output_call = channel.unary_stream(
            method(common.SERVICE, "StreamingOutputCall"), serialize,
            deserializer(pb.StreamingOutputCallResponse))
        self.streaming_input_call = channel.stream_unary(
            method(common.SERVICE, "StreamingInputCall"), serialize,
            deserializer(pb.StreamingInputCallResponse))
        self.full_duplex_call = channel.stream_stream(
            method(common.SERVICE, "FullDuplexCall"), serialize,
            deserializer(pb.FullDuplexCallResponse))
        self.standard_unary_call = standard_channel.unary_unary(
            method(common.SERVICE, "UnaryCall"), serialize, pb.UnaryCallResponse.FromString)
        self.unimplemented_method = channel.unary_unary(
            method(common.SERVICE, "UnimplementedCall"), serialize,
            deserializer(pb.UnimplementedCallResponse))
        self.unimplemented_service = channel.unary_unary(
            method(common.UNIMPLEMENTED_SERVICE, "UnimplementedCall"), serialize,
            deserializer(pb.UnimplementedCallResponse))

    # Request builders -------------------------------------------------------------------------

    def payload(self, size):
        return self._pb.Payload(body=common.zeros(size))

    def large_unary_request(self, **fields):
        return self._pb.UnaryCallRequest(
            response_size=LARGE_RESPONSE_SIZE, payload=self.payload(LARGE_REQUEST_SIZE), **fields)

    def duplex_request(self, response_size=None, request_size=0, status=None):
        request = self._pb.FullDuplexCallRequest(payload=self.payload(request_size))
        if response_size is not None:
            request.response_parameters.add(size=response_size)
        if status is not None:
            request.response_status.code, request.response_status.message = status
        return request

    # Cases ------------------------------------------------------------------------------------

    def case_empty_unary(self):
        response = self.empty_call(self._pb.EmptyCallRequest(), timeout=TIMEOUT_SECONDS)
        check(response is not None, "no response")
        check(response.wire_size == 0, "response was %d bytes, expected 0" % response.wire_size)

    def case_large_unary(self):
        response = self.unary_call(self.large_unary_request(), timeout=TIMEOUT_SECONDS)
        check_zeros(response.message.payload.body, LARGE_RESPONSE_SIZE, "response payload")

    def case_client_streaming(self):
        requests = [self._pb.StreamingInputCallRequest(payload=self.payload(size))
                    for size in REQUEST_SIZES]
        response = self.streaming_input_call(iter(requests), timeout=TIMEOUT_SECONDS)
        check(response.message.aggregated_payload_size == 74922,
              "aggregated_payload_size %d, expected 74922"
              % response.message.aggregated_payload_size)

    def case_server_streaming(self):
        request = self._pb.StreamingOutputCallRequest()
        for size in RESPONSE_SIZES:
            request.response_parameters.add(size=size)
        responses = self.streaming_output_call(request, timeout=TIMEOUT_SECONDS)
        sizes = []
        for response in responses:
            check_zeros(response.message.payload.body, len(response.message.payload.body),
                        "response payload")
            sizes.append(len(response.message.payload.body))
        check(sizes == RESPONSE_SIZES, "response sizes %s, expected %s" % (sizes, RESPONSE_SIZES))
        check_code(responses.code(), grpc.StatusCode.OK)

    def case_ping_pong(self):
        requests = RequestQueue()
        responses = self.full_duplex_call(requests, timeout=TIMEOUT_SECONDS)
        try:
            for request_size, response_size in zip(REQUEST_SIZES, RESPONSE_SIZES):
                requests.put(self.duplex_request(response_size, request_size))
                response = next(responses)
                check_zeros(response.message.payload.body, response_size, "response payload")
        finally:
            requests.close()
        rest = list(responses)
        check(not rest, "%d responses after the half-close, expected none" % len(rest))
        check_code(responses.code(), grpc.StatusCode.OK)

    def case_empty_stream(self):
        responses = self.full_duplex_call(iter([]), timeout=TIMEOUT_SECONDS)
        received = list(responses)
        check(not received, "%d responses, expected none" % len(received))
        check_code(responses.code(), grpc.StatusCode.OK)

    def case_custom_metadata(self):
        metadata = ((common.ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE),
                    (common.ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))
        response, call = self.unary_call.with_call(
            self.large_unary_request(), metadata=metadata, timeout=TIMEOUT_SECONDS)
        check_zeros(response.message.payload.body, LARGE_RESPONSE_SIZE, "unary response payload")
        check_echoed_metadata("unary", call)

        responses = self.full_duplex_call(
            iter([self.duplex_request(LARGE_RESPONSE_SIZE, LARGE_REQUEST_SIZE)]),
            metadata=metadata, timeout=TIMEOUT_SECONDS)
        received = list(responses)
        check(len(received) == 1, "duplex: %d responses, expected 1" % len(received))
        check_zeros(received[0].message.payload.body, LARGE_RESPONSE_SIZE, "duplex response payload")
        check_echoed_metadata("duplex", responses)

    def case_status_code_and_message(self):
        self.expect_echoed_status(2, STATUS_MESSAGE, duplex=False)
        self.expect_echoed_status(2, STATUS_MESSAGE, duplex=True)

    def case_special_status_message(self):
        self.expect_echoed_status(2, SPECIAL_STATUS_MESSAGE, duplex=False)

    def case_unimplemented_method(self):
        expect_code(lambda: self.unimplemented_method(
            self._pb.UnimplementedCallRequest(), timeout=TIMEOUT_SECONDS),
            grpc.StatusCode.UNIMPLEMENTED)

    def case_unimplemented_service(self):
        expect_code(lambda: self.unimplemented_service(
            self._pb.UnimplementedCallRequest(), timeout=TIMEOUT_SECONDS),
            grpc.StatusCode.UNIMPLEMENTED)

    def case_timeout_on_sleeping_server(self):
        requests = RequestQueue()
        responses = self.full_duplex_call(requests, timeout=0.001)
        try:
            requests.put(self.duplex_request(request_size=27182))
            expect_code(lambda: next(responses), grpc.StatusCode.DEADLINE_EXCEEDED)
        finally:
            requests.close()

    def case_cancel_after_begin(self):
        requests = RequestQueue()
        future = self.streaming_input_call.future(requests, timeout=TIMEOUT_SECONDS)
        try:
            check(future.cancel(), "cancel() returned False: the call had already ended with %s"
                  % future.code())
            check(future.cancelled(), "future not cancelled")
            check_code(future.code(), grpc.StatusCode.CANCELLED)
        finally:
            requests.close()

    def case_cancel_after_first_response(self):
        requests = RequestQueue()
        responses = self.full_duplex_call(requests, timeout=TIMEOUT_SECONDS)
        try:
            requests.put(self.duplex_request(31415, 27182))
            response = next(responses)
            check_zeros(response.message.payload.body, 31415, "first response payload")
            check(responses.cancel(), "cancel() returned False: the call had already ended")
            expect_code(lambda: next(responses), grpc.StatusCode.CANCELLED)
            check_code(responses.code(), grpc.StatusCode.CANCELLED)
        finally:
            requests.close()

    def case_client_compressed_unary(self):
        # Probe: an uncompressed message that claims to be compressed must be refused.
        expect_code(lambda: self.unary_call(
            self.large_unary_request(expect_compressed=True), timeout=TIMEOUT_SECONDS),
            grpc.StatusCode.INVALID_ARGUMENT)
        response = self.unary_call(
            self.large_unary_request(expect_compressed=True),
            compression=grpc.Compression.Gzip, timeout=TIMEOUT_SECONDS)
        check_zeros(response.message.payload.body, LARGE_RESPONSE_SIZE, "compressed call response")
        response = self.unary_call(
            self.large_unary_request(expect_compressed=False), timeout=TIMEOUT_SECONDS)
        check_zeros(response.message.payload.body, LARGE_RESPONSE_SIZE, "uncompressed call response")

    def case_server_compressed_unary(self):
        for compressed in (True, False):
            response = self.unary_call(
                self.large_unary_request(response_compressed=compressed), timeout=TIMEOUT_SECONDS)
            check(response.compressed == compressed,
                  "response_compressed=%s but the response's compressed flag was %s"
                  % (compressed, response.compressed))
            check_zeros(response.message.payload.body, LARGE_RESPONSE_SIZE, "response payload")
        # grpcio's own decompression must accept the compressed response too. It decompresses only
        # what a grpc-encoding header announces (a flagged message without one reaches the
        # deserializer still gzipped and the call fails), which the raw check above cannot see.
        response = self.standard_unary_call(
            self.large_unary_request(response_compressed=True), timeout=TIMEOUT_SECONDS)
        check_zeros(response.payload.body, LARGE_RESPONSE_SIZE, "response payload (decompressed by grpcio)")

    # Helpers ----------------------------------------------------------------------------------

    def expect_echoed_status(self, code, message, duplex):
        kind = "duplex" if duplex else "unary"
        if duplex:
            responses = self.full_duplex_call(
                iter([self.duplex_request(status=(code, message))]), timeout=TIMEOUT_SECONDS)
            error = expect_code(lambda: list(responses), common.status_code_from_number(code), kind)
        else:
            request = self._pb.UnaryCallRequest()
            request.response_status.code = code
            request.response_status.message = message
            error = expect_code(lambda: self.unary_call(request, timeout=TIMEOUT_SECONDS),
                                common.status_code_from_number(code), kind)
        check(error.details() == message,
              "%s: status message %r, expected %r" % (kind, error.details(), message))


def check_zeros(body, size, what):
    check(len(body) == size, "%s is %d bytes, expected %d" % (what, len(body), size))
    check(body.count(0) == size, "%s is not all zeros" % what)


def check_code(actual, expected, what="call"):
    check(actual is expected, "%s ended with %s, expected %s" % (what, actual, expected))


def expect_code(action, expected, what="call"):
    try:
        action()
    except grpc.RpcError as error:
        check_code(error.code(), expected, what)
        return error
    raise CaseFailure("%s succeeded, expected %s" % (what, expected))


def check_echoed_metadata(kind, call):
    initial = [(k, v) for k, v in call.initial_metadata() if k == common.ECHO_INITIAL_KEY]
    check(initial == [(common.ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE)],
          "%s: initial metadata %s, expected %s=%r"
          % (kind, call.initial_metadata(), common.ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE))
    trailing = [(k, v) for k, v in call.trailing_metadata() if k == common.ECHO_TRAILING_KEY]
    check(trailing == [(common.ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE)],
          "%s: trailing metadata %s, expected %s=%r"
          % (kind, call.trailing_metadata(), common.ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE))


CASES = sorted(name[len("case_"):] for name in dir(InteropClient) if name.startswith("case_"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--case", required=True, choices=CASES)
    parser.add_argument("--proto", default=common.default_proto_path())
    args = parser.parse_args()

    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    pb = common.load_messages(args.proto)
    target = "%s:%d" % (args.host, args.port)
    with grpc.insecure_channel(target, options=common.CHANNEL_OPTIONS) as channel, \
            grpc.insecure_channel(target, options=common.STANDARD_CHANNEL_OPTIONS) as standard_channel:
        client = InteropClient(channel, standard_channel, pb)
        try:
            getattr(client, "case_" + args.case)()
        except CaseFailure as failure:
            sys.stderr.write("FAIL %s: %s\n" % (args.case, failure))
            return 1
        except grpc.RpcError as error:
            sys.stderr.write("FAIL %s: unexpected RPC error %s: %r\n"
                             % (args.case, error.code(), error.details()))
            return 1
    sys.stdout.write("PASS %s\n" % args.case)
    return 0


if __name__ == "__main__":
    exit_code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # grpcio 1.51 now and then hangs in interpreter teardown after the channel has been closed
    # (seen once in ~60 runs under the parallel test suite, after PASS was printed); the verdict
    # is out, so leave without the teardown.
    os._exit(exit_code)

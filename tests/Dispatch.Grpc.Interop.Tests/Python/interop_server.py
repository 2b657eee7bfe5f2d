"""Python grpcio interop server for dispatch.interop.v1.InteropTest.

Binds 127.0.0.1:0, prints the bound port alone on the first line of stdout, and serves until
stdin reaches end of file or the process is killed. UnimplementedCall and UnimplementedService
are deliberately not registered.

Usage: /usr/bin/python3 interop_server.py [--proto PATH]
"""

import argparse
import sys
import threading
from concurrent import futures

import interop_common as common
from interop_common import grpc


class InteropServicer:
    def __init__(self, pb):
        self._pb = pb

    def empty_call(self, request, context):
        if request.wire_size != 0:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "EmptyCall request was %d bytes, expected 0" % request.wire_size)
        return self._pb.EmptyCallResponse()

    def unary_call(self, request, context):
        message = request.message
        if message.HasField("response_compressed"):
            if message.response_compressed:
                context.set_compression(grpc.Compression.Gzip)
            else:
                context.disable_next_message_compression()
        echo_metadata(context)
        if message.HasField("expect_compressed") and message.expect_compressed != request.compressed:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT,
                          "expected a request message with compressed flag %s, got %s"
                          % (message.expect_compressed, request.compressed))
        echo_status(message, context)
        return self._pb.UnaryCallResponse(
            payload=self._pb.Payload(body=common.zeros(message.response_size)))

    def streaming_output_call(self, request, context):
        message = request.message
        if any(p.HasField("compressed") and p.compressed for p in message.response_parameters):
            context.set_compression(grpc.Compression.Gzip)
        echo_metadata(context)
        echo_status(message, context)
        for parameters in message.response_parameters:
            if parameters.HasField("compressed") and not parameters.compressed:
                context.disable_next_message_compression()
            yield self._pb.StreamingOutputCallResponse(
                payload=self._pb.Payload(body=common.zeros(parameters.size)))

    def streaming_input_call(self, request_iterator, context):
        echo_metadata(context)
        total = 0
        for request in request_iterator:
            total += len(request.message.payload.body)
        return self._pb.StreamingInputCallResponse(aggregated_payload_size=total)

    def full_duplex_call(self, request_iterator, context):
        echo_metadata(context)
        for request in request_iterator:
            message = request.message
            echo_status(message, context)
            for parameters in message.response_parameters:
                yield self._pb.FullDuplexCallResponse(
                    payload=self._pb.Payload(body=common.zeros(parameters.size)))


def echo_metadata(context):
    """Echoes the initial key in the response headers and the -bin key in the trailers."""
    initial = []
    trailing = []
    for key, value in context.invocation_metadata():
        if key == common.ECHO_INITIAL_KEY:
            initial.append((key, value))
        elif key == common.ECHO_TRAILING_KEY:
            trailing.append((key, value))
    if initial:
        context.send_initial_metadata(initial)
    if trailing:
        context.set_trailing_metadata(trailing)


def echo_status(message, context):
    if message.HasField("response_status") and message.response_status.code != 0:
        context.abort(common.status_code_from_number(message.response_status.code),
                      message.response_status.message)


def build_handler(pb):
    servicer = InteropServicer(pb)
    deserializer = common.received_deserializer
    serialize = common.serialize
    handlers = {
        "EmptyCall": grpc.unary_unary_rpc_method_handler(
            servicer.empty_call, deserializer(pb.EmptyCallRequest), serialize),
        "UnaryCall": grpc.unary_unary_rpc_method_handler(
            servicer.unary_call, deserializer(pb.UnaryCallRequest), serialize),
        "StreamingOutputCall": grpc.unary_stream_rpc_method_handler(
            servicer.streaming_output_call, deserializer(pb.StreamingOutputCallRequest), serialize),
        "StreamingInputCall": grpc.stream_unary_rpc_method_handler(
            servicer.streaming_input_call, deserializer(pb.StreamingInputCallRequest), serialize),
        "FullDuplexCall": grpc.stream_stream_rpc_method_handler(
            servicer.full_duplex_call, deserializer(pb.FullDuplexCallRequest), serialize),
    }
    return grpc.method_handlers_generic_handler(common.SERVICE, handlers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proto", default=common.default_proto_path())
    args = parser.parse_args()

    pb = common.load_messages(args.proto)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32),
                         handlers=[build_handler(pb)], options=common.CHANNEL_OPTIONS)
    port = server.add_insecure_port("127.0.0.1:0")
    if port == 0:
        common.fail_setup("could not bind 127.0.0.1:0")
    server.start()
    sys.stdout.write("%d\n" % port)
    sys.stdout.flush()

    # The parent holds our stdin open; its end (also when the parent dies) stops the server.
    stdin_closed = threading.Event()

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            stdin_closed.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stdin_closed.wait()
    server.stop(grace=None).wait()


if __name__ == "__main__":
    main()

"""Shared helpers of the python interop server and client.

Neither script uses grpc_tools: interop_pb2 is generated at run time with protoc from
Protos/interop.proto, and the methods are bound by hand with explicit serializers.

Both sides turn off C-core's per-message decompression ('grpc.per_message_decompression' = 0),
so a deserializer receives each message exactly as it came off the wire. That is the only way
python grpcio lets an application see the compressed flag of a received message: a payload whose
flag was set is a gzip stream (it starts 1f 8b), one whose flag was clear is a protobuf message,
which can never start with 0x1f (field 3 with the invalid wire type 7). The deserializers below
decompress by hand and hand the application a Received(message, compressed, wire_size).
"""

import collections
import gzip
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import grpc
except ImportError as error:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "interop: python grpcio is not importable by %s (%s); "
        "install Debian's python3-grpcio\n" % (sys.executable, error))
    sys.exit(3)

PACKAGE = "dispatch.interop.v1"
SERVICE = PACKAGE + ".InteropTest"
UNIMPLEMENTED_SERVICE = PACKAGE + ".UnimplementedService"

ECHO_INITIAL_KEY = "x-grpc-test-echo-initial"
ECHO_TRAILING_KEY = "x-grpc-test-echo-trailing-bin"

# Loopback only: never route through a proxy named in the environment.
STANDARD_CHANNEL_OPTIONS = [("grpc.enable_http_proxy", 0)]
CHANNEL_OPTIONS = STANDARD_CHANNEL_OPTIONS + [("grpc.per_message_decompression", 0)]

GZIP_MAGIC = b"\x1f\x8b"

Received = collections.namedtuple("Received", ["message", "compressed", "wire_size"])


def default_proto_path():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "Protos", "interop.proto")


def load_messages(proto_path):
    """Compiles the proto with protoc into a temporary directory and imports interop_pb2."""
    proto_path = os.path.abspath(proto_path)
    if not os.path.isfile(proto_path):
        fail_setup("proto file not found: %s" % proto_path)
    protoc = shutil.which("protoc")
    if protoc is None:
        fail_setup("protoc is not on PATH; install Debian's protobuf-compiler")
    out_dir = tempfile.mkdtemp(prefix="dispatch-interop-pb2-")
    try:
        result = subprocess.run(
            [protoc, "--proto_path=" + os.path.dirname(proto_path), "--python_out=" + out_dir,
             os.path.basename(proto_path)],
            capture_output=True, text=True, check=False)
        if result.returncode != 0:
            fail_setup("protoc failed (%d): %s" % (result.returncode, result.stderr.strip()))
        module_path = os.path.join(out_dir, "interop_pb2.py")
        spec = importlib.util.spec_from_file_location("interop_pb2", module_path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except ImportError as error:
            fail_setup("the generated interop_pb2 does not import (python3-protobuf missing or too "
                       "old for protoc %s?): %s" % (protoc, error))
        return module
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def fail_setup(message):
    sys.stderr.write("interop: " + message + "\n")
    sys.exit(3)


def serialize(message):
    return message.SerializeToString()


def received_deserializer(message_type):
    """A deserializer for undecompressed wire payloads; see the module docstring."""

    def deserialize(data):
        wire_size = len(data)
        compressed = data[:2] == GZIP_MAGIC
        if compressed:
            data = gzip.decompress(data)
        return Received(message_type.FromString(data), compressed, wire_size)

    return deserialize


def status_code_from_number(number):
    for code in grpc.StatusCode:
        if code.value[0] == number:
            return code
    raise ValueError("no gRPC status code %d" % number)


def zeros(size):
    return bytes(size)

"""Set-up shared by the python interop client: protoc-generated messages and a loopback channel.

Debian ships no grpc python code generator, so the messages are generated at run time with
`protoc --python_out` from the .proto files the build copies next to the tests, and calls are made
with the channel's generic unary_unary / unary_stream / stream_stream and explicit serializers.
"""

import glob
import importlib
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

# Loopback only: never route through a proxy named in the environment.
CHANNEL_OPTIONS = [("grpc.enable_http_proxy", 0)]


def open_channel(target, ca_file=None):
    """A plain-text channel, or with ca_file a TLS channel that trusts only that authority."""
    if ca_file is None:
        return grpc.insecure_channel(target, options=CHANNEL_OPTIONS)
    with open(ca_file, "rb") as pem:
        credentials = grpc.ssl_channel_credentials(root_certificates=pem.read())
    return grpc.secure_channel(target, credentials, options=CHANNEL_OPTIONS)


def protos_directory():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(os.path.dirname(here), "Protos")


def fail_setup(message):
    sys.stderr.write("interop: " + message + "\n")
    sys.exit(3)


class Messages:
    """The generated modules: dispatch.v1 (auth, cases, common), health and reflection."""

    def __init__(self, modules):
        self.auth = modules["dispatch.v1.auth_pb2"]
        self.cases = modules["dispatch.v1.cases_pb2"]
        self.common = modules["dispatch.v1.common_pb2"]
        self.health = modules["health_pb2"]
        self.reflection = modules["reflection_pb2"]


def load_messages():
    """Generates python modules for Protos/ (the node's contract and the standard services) and imports them."""
    root = protos_directory()
    include = os.path.join(root, "include")
    sources = sorted(glob.glob(os.path.join(root, "*.proto")) + glob.glob(os.path.join(root, "dispatch", "v1", "*.proto")))
    if not sources:
        fail_setup("no .proto files under %s" % root)
    protoc = shutil.which("protoc")
    if protoc is None:
        fail_setup("protoc is not on PATH; install Debian's protobuf-compiler")
    out_dir = tempfile.mkdtemp(prefix="dispatch-interop-pb2-")
    try:
        result = subprocess.run(
            [protoc, "--proto_path=" + root, "--proto_path=" + include, "--python_out=" + out_dir]
            + [os.path.relpath(source, root) for source in sources],
            cwd=root, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            fail_setup("protoc failed (%d): %s" % (result.returncode, result.stderr.strip()))
        sys.path.insert(0, out_dir)
        names = ["health_pb2", "reflection_pb2"] + [
            "dispatch.v1.%s_pb2" % name for name in ("common", "auth", "cases")]
        try:
            modules = {name: importlib.import_module(name) for name in names}
        except ImportError as error:
            fail_setup("the generated modules do not import (python3-protobuf missing or too old "
                       "for protoc?): %s" % error)
        return Messages(modules)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def serialize(message):
    return message.SerializeToString()


def status_of(error):
    """A grpc.RpcError as the JSON the tests read: the status code's name and its message."""
    return {"code": error.code().name, "details": error.details()}

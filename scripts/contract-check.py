"""The contract's checks: `buf lint` and `buf breaking` of protos/ against the previous commit (HEAD~1, or the git
revision in $BUF_AGAINST). Installs buf 1.75.0 from the npm registry into artifacts/tools/buf when it is not there.
Writes each check as a test result (artifacts/test-results/contract.trx) so scripts/trx-summary.py counts it with
the test projects, prints what buf found, and exits 1 when a check failed. Standard library only."""
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import xml.etree.ElementTree as ET

BUF_VERSION = "1.75.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "artifacts", "tools", "buf")
BUF = os.path.join(TOOLS, "node_modules", ".bin", "buf")
NS = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"


def run(args, cwd=ROOT):
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    return done.returncode, (done.stdout + done.stderr).strip()


def ensure_buf():
    code, out = run([BUF, "--version"]) if os.path.exists(BUF) else (1, "")
    if code == 0 and out == BUF_VERSION:
        return
    os.makedirs(TOOLS, exist_ok=True)
    code, out = run(["npm", "install", "--prefix", TOOLS, "--no-save", "--no-audit", "--no-fund",
                     f"@bufbuild/buf@{BUF_VERSION}"])
    if code != 0:
        sys.exit(f"contract-check: npm could not install @bufbuild/buf@{BUF_VERSION}:\n{out}")


def previous_protos(revision, into):
    """Extracts protos/ as it was at the revision; None when the clone does not have that commit."""
    code, _ = run(["git", "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"])
    if code != 0:
        return None
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "protos"], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into)  # our own repository's files
    return os.path.join(into, "protos")


def write_trx(path, results):
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}TestRun", name="contract")
    definitions = ET.SubElement(root, f"{{{NS}}}TestDefinitions")
    outcomes = ET.SubElement(root, f"{{{NS}}}Results")
    for name, passed, message in results:
        test = ET.SubElement(definitions, f"{{{NS}}}UnitTest", name=name)
        ET.SubElement(test, f"{{{NS}}}TestMethod", codeBase="buf", name=name)
        result = ET.SubElement(outcomes, f"{{{NS}}}UnitTestResult", testName=name,
                               outcome="Passed" if passed else "Failed")
        if not passed:
            info = ET.SubElement(ET.SubElement(result, f"{{{NS}}}Output"), f"{{{NS}}}ErrorInfo")
            ET.SubElement(info, f"{{{NS}}}Message").text = message
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def main(results_dir):
    ensure_buf()
    results = []
    code, out = run([BUF, "lint"], cwd=os.path.join(ROOT, "protos"))
    results.append(("buf lint protos", code == 0, out))
    revision = os.environ.get("BUF_AGAINST", "HEAD~1")
    with tempfile.TemporaryDirectory() as scratch:
        against = previous_protos(revision, scratch)
        if against is None:
            # A shallow clone or the first commit: nothing to compare with, said plainly rather than passed.
            print(f"contract-check: buf breaking skipped: this clone has no commit {revision} (shallow clone?)")
        else:
            code, out = run([BUF, "breaking", "protos", "--against", against])
            results.append((f"buf breaking protos against {revision}", code == 0, out))
    write_trx(os.path.join(results_dir, "contract.trx"), results)
    for name, passed, message in results:
        print(f"{'passed' if passed else 'FAILED'}: {name}")
        if not passed:
            print(message)
    return 0 if all(passed for _, passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "artifacts", "test-results")))

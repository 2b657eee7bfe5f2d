"""Sums up the .trx files under a folder: lists failed tests and aborted runs, prints per-assembly
counts, and ends with one line 'N passed, N failed'. Exit status 1 when anything failed, 2 when
there is no .trx file at all. Standard library only (run with /usr/bin/python3)."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
FAILED_OUTCOMES = {"Failed", "Error", "Timeout", "Aborted"}


def first_lines(text, count=4):
    lines = [line.rstrip() for line in (text or "").strip().splitlines()]
    return lines[:count] + (["..."] if len(lines) > count else [])


def summarize(path):
    root = ET.parse(path).getroot()
    assemblies = {os.path.basename(m.get("codeBase", ""))
                  for m in root.iterfind(".//t:TestDefinitions/t:UnitTest/t:TestMethod", NS)}
    name = ", ".join(sorted(a for a in assemblies if a)) or os.path.basename(path)
    passed = skipped = 0
    failures = []
    for result in root.iterfind(".//t:Results/t:UnitTestResult", NS):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome in FAILED_OUTCOMES:
            message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=NS)
            failures.append((result.get("testName"), first_lines(message)))
        else:
            skipped += 1
    summary = root.find("t:ResultSummary", NS)
    aborted = []
    if summary is not None:
        # Run-level errors (a crashed or hung test host) are Error run infos that are not a failed
        # test's own line. Tests that never reported are unknown, so the run itself counts as one
        # failure: the total stays honest.
        names = [test for test, _ in failures if test]
        for info in summary.iterfind("t:RunInfos/t:RunInfo", NS):
            text = info.findtext("t:Text", default="", namespaces=NS)
            if info.get("outcome") == "Error" and not any(name in text for name in names):
                aborted.append(text)
        if summary.get("outcome") == "Failed" and not failures and not aborted:
            aborted = ["test run failed"]
    return name, passed, failures, skipped, aborted


def main(folder):
    paths = sorted(glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True))
    if not paths:
        print(f"no test results (.trx) under {folder}")
        return 2
    total_passed = total_failed = 0
    report = []
    for path in paths:
        name, passed, failures, skipped, aborted = summarize(path)
        failed = len(failures) + (1 if aborted else 0)
        total_passed += passed
        total_failed += failed
        report.append(f"  {name}: {passed} passed, {failed} failed, {skipped} skipped")
        for test, message in failures:
            print(f"FAILED {test}  ({name})")
            for line in message:
                print(f"    {line}")
        for text in aborted:
            print(f"RUN FAILED {name}: {text}")
    print("test results:")
    print("\n".join(report))
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"))

#!/usr/bin/env python3
"""Live-path benchmark against moto_server (docs/performance.md).

Starts moto_server on a free loopback port, seeds N security groups (each with a world-open SSH rule, a VPC-internal
HTTPS rule and a group reference), then times, in the same run and against the same state:
  1. `sgaudit scan --source aws --endpoint-url ...` (the live EC2 client: signing, paging, retries, parsing, rules,
     reports), reading its API call counts from report.json;
  2. `aws ec2 describe-security-groups` fetching the same groups, as the reference.

Usage: python3 tests/benchmarks/moto_benchmark.py [--groups 10000] [--sgaudit PATH-TO-sgaudit.dll]
Build first: dotnet build -c Release src/SgAudit.Cli
"""
import argparse
import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3
from botocore.config import Config

REGION = "us-east-1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, process, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit("moto_server exited during start-up")
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("moto_server did not answer within %d s" % timeout)


def seed(endpoint, groups):
    ec2 = boto3.client("ec2", region_name=REGION, endpoint_url=endpoint, config=Config(retries={"max_attempts": 10}))
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    anchor = ec2.create_security_group(GroupName="anchor", Description="referenced by every group", VpcId=vpc)["GroupId"]

    def one(i):
        for attempt in range(10):  # moto sometimes fails concurrent creates (aws-api.md 3.5)
            try:
                gid = ec2.create_security_group(GroupName="bench-%05d" % i, Description="benchmark group %d" % i, VpcId=vpc)["GroupId"]
                ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[
                    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
                    {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]},
                    {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": anchor}]},
                ])
                return
            except Exception:  # noqa: BLE001 - retried, then re-raised
                if attempt == 9:
                    raise
                time.sleep(0.1 * (attempt + 1))

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(one, range(groups)))


def timed(command, env):
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
    return time.perf_counter() - start, completed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=10000)
    parser.add_argument("--sgaudit", default=os.path.join(os.path.dirname(__file__), "../../src/SgAudit.Cli/bin/Release/net10.0/sgaudit.dll"))
    args = parser.parse_args()

    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION=REGION,
               AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="", AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")
    os.environ.update(env)
    port = free_port()
    endpoint = "http://127.0.0.1:%d" % port
    log = open(os.path.join(tempfile.gettempdir(), "sgaudit-moto-bench.log"), "w")
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        wait_until_up(endpoint, moto)
        start = time.perf_counter()
        seed(endpoint, args.groups)
        print("seeded %d groups in %.1f s" % (args.groups, time.perf_counter() - start))

        out = tempfile.mkdtemp(prefix="sgaudit-moto-bench-")
        results = {}
        for run in (1, 2):
            elapsed, scan = timed(["dotnet", args.sgaudit, "scan", "--source", "aws", "--endpoint-url", endpoint, "--region", REGION,
                                   "--format", "json", "--fail-on", "none", "--no-attribution", "--out", out], env)
            if scan.returncode != 0:
                sys.exit("sgaudit failed (%d): %s" % (scan.returncode, scan.stderr[-2000:]))
            report = json.load(open(os.path.join(out, "report.json")))
            results.setdefault("sgaudit", []).append(elapsed)
            calls = report["scan"]["inputs"].get("apiCalls")
            groups = report["summary"]["resources"]["securityGroups"]

            elapsed, cli = timed(["aws", "ec2", "describe-security-groups", "--endpoint-url", endpoint, "--region", REGION, "--output", "json"], env)
            if cli.returncode != 0:
                sys.exit("aws cli failed: " + cli.stderr[-2000:])
            results.setdefault("aws", []).append(elapsed)
            fetched = len(json.loads(cli.stdout)["SecurityGroups"])
            print("run %d: sgaudit scan %.2f s (%s groups, API calls %s) | aws ec2 describe-security-groups %.2f s (%d groups)"
                  % (run, results["sgaudit"][-1], groups, json.dumps(calls), elapsed, fetched))
    finally:
        moto.terminate()
        moto.wait(10)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Extracts vmc's benchmark files from a posteriordb git snapshot (standard library only).

For each posterior in posteriors.txt it reads, with `git show COMMIT:path` (no work tree and
none of posteriordb's code is needed):

  posterior_database/posteriors/NAME.json                        which model and data
  posterior_database/models/stan/MODEL.stan                  ->  NAME/model.stan (verbatim)
  posterior_database/data/data/DATA.json.zip                 ->  NAME/data.json (unzipped, verbatim)
  posterior_database/reference_posteriors/draws/draws/NAME.json.zip
                                                             ->  NAME/reference.json

and copies LICENCE.md to LICENSE-posteriordb.md. The reference draws are a JSON list with one
object per chain, mapping "beta[1]" to that chain's draws. reference.json pools all chains and
gives, per parameter (named as vmc's draws.csv names it: beta[1] -> beta.1), the mean, the
sample standard deviation (denominator n - 1) and n. The model.vmodel files are hand-written
translations and are not touched.

usage: python3 bench/posteriors/extract.py [--repo GIT_DIR] [--commit REV]
"""
import argparse
import io
import json
import math
import os
import re
import subprocess
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def listed_posteriors():
    """posteriors.txt's names, in its order (the benchmark and the tests read the same list)."""
    with open(os.path.join(HERE, "posteriors.txt")) as f:
        return [line.split()[0] for line in f if line.strip() and not line.startswith("#")]


POSTERIORS = listed_posteriors()

def git_show(repo, commit, path):
    return subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def unzip_single(blob):
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        names = z.namelist()
        if len(names) != 1:
            raise ValueError(f"expected one file in the zip, found {names}")
        return z.read(names[0])


def vmc_name(stan_name):
    """beta[1] -> beta.1, X[2,3] -> X.2.3"""
    m = re.fullmatch(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[([0-9, ]+)\])?", stan_name)
    if not m:
        raise ValueError(f"unexpected parameter name {stan_name!r}")
    if m.group(2) is None:
        return m.group(1)
    return m.group(1) + "." + ".".join(i.strip() for i in m.group(2).split(","))


def summarise(chains):
    """{vmc name: {mean, sd, draws}} over all chains pooled, in the file's parameter order."""
    result = {}
    for stan_name in chains[0]:
        draws = [float(x) for chain in chains for x in chain[stan_name]]
        n = len(draws)
        mean = math.fsum(draws) / n
        sd = math.sqrt(math.fsum((x - mean) ** 2 for x in draws) / (n - 1))
        result[vmc_name(stan_name)] = {"mean": mean, "sd": sd, "draws": n}
    return result


def git_has(repo, commit, path):
    """Whether the snapshot holds the file's content (a mirror may list a large file it lacks)."""
    return subprocess.run(["git", "-C", repo, "cat-file", "-e", f"{commit}:{path}"],
                          capture_output=True).returncode == 0


def summarise_statistics(means, squares):
    """{vmc name: {mean, sd, draws}} from posteriordb's mean_value and mean_squared_value summaries
    (of the same draws): sd = sqrt((E[x^2] - E[x]^2) n / (n - 1))."""
    if means["names"] != squares["names"]:
        raise ValueError("mean_value and mean_squared_value name different parameters")
    n = 10000  # both summaries are of posteriordb's 10 chains of 1,000 draws (checked below)
    result = {}
    for stan_name, m, m2 in zip(means["names"], means["mean_value"], squares["mean_squared_value"]):
        sd = math.sqrt(max(m2 - m * m, 0.0) * n / (n - 1))
        result[vmc_name(stan_name)] = {"mean": m, "sd": sd, "draws": n}
    return result


def read_reference(repo, commit, name, ref_name):
    """reference.json's content: from the reference draws where the snapshot holds them, else from
    posteriordb's summary statistics of those draws, else none."""
    pdb = "posterior_database/reference_posteriors"
    if ref_name is None:
        return {"posterior": name, "kind": "none", "source": "posteriordb has no reference posterior",
                "chains": 0, "parameters": {}}
    draws = f"{pdb}/draws/draws/{ref_name}.json.zip"
    if git_has(repo, commit, draws):
        chains = json.loads(unzip_single(git_show(repo, commit, draws)))
        return {"posterior": name, "kind": "draws", "source": f"posteriordb {commit}, {draws}",
                "chains": len(chains), "parameters": summarise(chains)}
    mean_path = f"{pdb}/summary_statistics/mean_value/mean_value/{ref_name}.json"
    square_path = f"{pdb}/summary_statistics/mean_squared_value/mean_squared_value/{ref_name}.json"
    info = json.loads(git_show(repo, commit, f"{pdb}/draws/info/{ref_name}.info.json"))
    if info["diagnostics"]["ndraws"] != 10000 or info["diagnostics"]["nchains"] != 10:
        raise ValueError(f"{ref_name}: expected 10 chains of 1,000 draws, info says otherwise")
    means = json.loads(git_show(repo, commit, mean_path))
    squares = json.loads(git_show(repo, commit, square_path))
    return {"posterior": name, "kind": "summary statistics",
            "source": f"posteriordb {commit}, {mean_path} and {square_path} "
                      f"(the draws, {draws}, are not in the snapshot)",
            "chains": 10, "parameters": summarise_statistics(means, squares)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default="/work/.mirror/stan-dev+posteriordb/repo")
    parser.add_argument("--commit", default="28f8d3d6e975315f42aa274a8399f21e07a43b30")
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", args.repo, "rev-parse", args.commit],
                            check=True, capture_output=True, text=True).stdout.strip()
    pdb = "posterior_database"
    with open(os.path.join(HERE, "LICENSE-posteriordb.md"), "wb") as f:
        f.write(git_show(args.repo, commit, "LICENCE.md"))
    for name in POSTERIORS:
        info = json.loads(git_show(args.repo, commit, f"{pdb}/posteriors/{name}.json"))
        out = os.path.join(HERE, name)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "model.stan"), "wb") as f:
            f.write(git_show(args.repo, commit, f"{pdb}/models/stan/{info['model_name']}.stan"))
        with open(os.path.join(out, "data.json"), "wb") as f:
            f.write(unzip_single(git_show(args.repo, commit, f"{pdb}/data/data/{info['data_name']}.json.zip")))
        reference = read_reference(args.repo, commit, name, info.get("reference_posterior_name"))
        with open(os.path.join(out, "reference.json"), "w") as f:
            json.dump(reference, f, indent=2)
            f.write("\n")
        print(f"{name}: model {info['model_name']}, data {info['data_name']}, "
              f"{len(reference['parameters'])} reference parameters ({reference['kind']})")


if __name__ == "__main__":
    main()

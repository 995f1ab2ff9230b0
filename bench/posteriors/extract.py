#!/usr/bin/env python3
"""Extracts vmc's benchmark files from a posteriordb git snapshot (standard library only).

For each posterior in POSTERIORS it reads, with `git show COMMIT:path` (no work tree and
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

POSTERIORS = [
    "eight_schools-eight_schools_noncentered",
    "sblrc-blr",
    "kidiq-kidscore_momhs",
    "kidiq-kidscore_interaction",
    "kidiq-kidscore_momhsiq",
    "mesquite-logmesquite",
    "mesquite-logmesquite_logvolume",
    "earnings-earn_height",
    "earnings-logearn_height",
]

HERE = os.path.dirname(os.path.abspath(__file__))


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default="/work/.mirror/stan-dev+posteriordb/repo")
    parser.add_argument("--commit", default="HEAD")
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
        ref_name = info["reference_posterior_name"]
        chains = json.loads(unzip_single(git_show(
            args.repo, commit, f"{pdb}/reference_posteriors/draws/draws/{ref_name}.json.zip")))
        reference = {
            "posterior": name,
            "source": f"posteriordb {commit}, {pdb}/reference_posteriors/draws/draws/{ref_name}.json.zip",
            "chains": len(chains),
            "parameters": summarise(chains),
        }
        with open(os.path.join(out, "reference.json"), "w") as f:
            json.dump(reference, f, indent=2)
            f.write("\n")
        print(f"{name}: model {info['model_name']}, data {info['data_name']}, "
              f"{len(reference['parameters'])} reference parameters")


if __name__ == "__main__":
    main()

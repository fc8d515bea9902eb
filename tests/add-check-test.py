#!/usr/bin/env python3
"""scripts/add-check end to end, on a temporary copy of the tree.

1. Copies checks/, docs/, testdata/, scripts/ and README.md, and runs
   `scripts/add-check coro-example-thing` in the copy.
2. scripts/check-registry passes on the copy (docs page, options table,
   testdata cases, README row, registry entry).
3. The copy's module (its CoroTidyModule.cpp with the registry's generated
   header, and the new check) compiles and links into a clang-tidy plugin
   with the other checks' objects of this build.
4. clang-tidy-19 with that plugin passes check-registry (the check is
   listed, its options are documented and round-trip) and reports exactly
   the expected warnings of the generated positive case, nothing on the
   negative one.
5. The registry test tells a newcomer what is missing: without the negative
   case, without an options-table row, or without a README row, it fails
   and names what is missing.

usage: add-check-test.py <source-dir> <build-dir> <clang-tidy-19>
         <clang++-19> <coroChecks objects, ;-separated> <libs, ;-separated>
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

NAME = 'coro-example-thing'
CLASS = 'ExampleThingCheck'


def fail(message):
    print(f'add-check-test: FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def run(command, cwd=None, expect=0):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            timeout=600)
    if expect is not None and result.returncode != expect:
        fail(f'{shlex.join(command)} exited with {result.returncode}, '
             f'expected {expect}:\n{result.stdout}\n{result.stderr}')
    return result


def compile_command(build, source_dir, source):
    """The build's command for checks/<source>, as an argument list."""
    with open(os.path.join(build, 'compile_commands.json')) as f:
        entries = json.load(f)
    wanted = os.path.join(source_dir, 'checks', source)
    for entry in entries:
        if os.path.realpath(entry['file']) == os.path.realpath(wanted):
            if 'arguments' in entry:
                return entry['arguments']
            return shlex.split(entry['command'])
    fail(f'{wanted} is not in {build}/compile_commands.json')


def main():
    if len(sys.argv) != 7:
        fail(__doc__.strip().splitlines()[-3])
    source_dir, build, clang_tidy, clangxx, objects, libs = sys.argv[1:]
    if not clang_tidy:
        print('add-check-test: skipped, clang-tidy-19 is not installed')
        return 77
    source_dir = os.path.realpath(source_dir)
    objects = [o for o in objects.split(';') if o]
    libs = [l for l in libs.split(';') if l]

    with tempfile.TemporaryDirectory(prefix='add-check-test.') as tmp:
        copy = os.path.join(tmp, 'tree')
        os.makedirs(copy)
        for part in ('checks', 'docs', 'testdata', 'scripts'):
            shutil.copytree(os.path.join(source_dir, part),
                            os.path.join(copy, part), symlinks=True)
        shutil.copy(os.path.join(source_dir, 'README.md'), copy)

        # 1. Generate.
        out = run([sys.executable, os.path.join(copy, 'scripts', 'add-check'),
                   NAME]).stdout
        for rel in (f'checks/{CLASS}.h', f'checks/{CLASS}.cpp',
                    f'docs/checks/{NAME}.md', f'testdata/{NAME}/positive.cpp',
                    f'testdata/{NAME}/negative.cpp'):
            if not os.path.isfile(os.path.join(copy, rel)):
                fail(f'add-check did not write {rel}:\n{out}')
        # The real tree is untouched.
        if os.path.exists(os.path.join(source_dir, 'checks', CLASS + '.h')):
            fail('add-check wrote into the source tree')
        # A second run refuses: nothing is overwritten.
        again = run([sys.executable, os.path.join(copy, 'scripts', 'add-check'),
                     NAME], expect=None)
        if again.returncode == 0 or 'already registered' not in again.stderr:
            fail(f'a second add-check {NAME} did not refuse: {again.stderr}')

        # 2. Static consistency.
        registry = [sys.executable,
                    os.path.join(copy, 'scripts', 'check-registry'),
                    '--source-dir', copy]
        run(registry)

        # 3. Build a plugin from the copy's module and the new check.
        generated = os.path.join(tmp, 'generated')
        run(['cmake', f'-DCORO_CHECK_REGISTRY={copy}/checks/CheckRegistry.def',
             f'-DCORO_CHECK_HEADERS_OUT={generated}/CoroCheckHeaders.inc',
             '-P', os.path.join(copy, 'checks', 'CheckRegistry.cmake')])
        if f'#include "checks/{CLASS}.h"' not in open(
                os.path.join(generated, 'CoroCheckHeaders.inc')).read():
            fail('the generated header does not include the new check')
        template = compile_command(build, source_dir, 'CoroTidyModule.cpp')
        processes = []
        new_objects = []
        for source in ('CoroTidyModule.cpp', CLASS + '.cpp'):
            args = [clangxx]
            skip = False
            for arg in template[1:]:
                if skip:
                    skip = False
                    continue
                if arg in ('-o', '-c', '-MF', '-MT'):
                    skip = True
                    continue
                if arg in ('-MD', '-MMD') or arg.endswith('.cpp'):
                    continue
                if arg.startswith('-O'):
                    arg = '-O0'
                if arg.startswith('-I'):
                    path = os.path.realpath(arg[2:])
                    if path == source_dir:
                        arg = '-I' + copy
                    elif path.endswith(os.path.join('checks', 'generated')):
                        arg = '-I' + generated
                args.append(arg)
            obj = os.path.join(tmp, source + '.o')
            new_objects.append(obj)
            args += ['-I', os.path.join(copy, 'checks'), '-c',
                     os.path.join(copy, 'checks', source), '-o', obj]
            processes.append((args, subprocess.Popen(
                args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                text=True)))
        for args, process in processes:
            output = process.communicate(timeout=600)[0]
            if process.returncode != 0:
                fail(f'the generated check does not compile: '
                     f'{shlex.join(args)}\n{output}')
        others = [o for o in objects
                  if not o.endswith('CoroTidyModule.cpp.o')]
        if len(others) == len(objects):
            fail('CoroTidyModule.cpp.o is not among the objects given')
        plugin = os.path.join(tmp, 'libExampleModule.so')
        run([clangxx, '-shared', '-o', plugin] + new_objects + others + libs)

        # 4. The plugin: registry consistency, then the generated cases.
        tool = f'{clang_tidy} --load={plugin}'
        run(registry + ['--tool', tool])
        flags = ['--', '-std=c++20',
                 '-I', os.path.join(copy, 'testdata', 'include'),
                 '-I', os.path.join(source_dir, 'runtime', 'include')]
        for case, want in (('positive', True), ('negative', False)):
            path = os.path.join(copy, 'testdata', NAME, case + '.cpp')
            text = open(path).read()
            config = re.search(r'^// CONFIG: (.*)$', text, re.M).group(1)
            result = run([clang_tidy, f'--load={plugin}',
                          f'--checks=-*,{NAME}', f'--config={config}', path]
                         + flags, expect=None)
            reported = sorted(int(line) for line in re.findall(
                rf'^{re.escape(path)}:(\d+):\d+: warning: .*\[{NAME}\]$',
                result.stdout, re.M))
            expected = sorted(number for number, line in enumerate(
                text.splitlines(), 1) if 'expected-warning' in line)
            if reported != expected:
                fail(f'{case}.cpp: warnings on lines {reported}, expected '
                     f'{expected}:\n{result.stdout}\n{result.stderr}')
            if want and not expected:
                fail('the positive case expects nothing')

        # 5. What the registry test says when something is missing.
        os.remove(os.path.join(copy, 'testdata', NAME, 'negative.cpp'))
        page = os.path.join(copy, 'docs', 'checks', NAME + '.md')
        text = open(page).read()
        open(page, 'w').write(
            re.sub(r'^\| `ExtraFunctions` \|.*\n', '', text, flags=re.M))
        readme = os.path.join(copy, 'README.md')
        text = open(readme).read()
        open(readme, 'w').write(
            re.sub(rf'^\| `{NAME}` \|.*\n', '', text, flags=re.M))
        broken = run(registry + ['--tool', tool], expect=1).stderr
        for needle in (f'testdata/{NAME}/ has no negative case',
                       f'option ExtraFunctions, which {NAME} stores, is not '
                       'in its options table',
                       f'README.md: the check table has no row for {NAME}'):
            if needle not in broken:
                fail(f'check-registry did not say "{needle}":\n{broken}')
    print(f'add-check-test: {NAME} generated, built, registered, documented '
          'and tested; missing parts are reported')
    return 0


if __name__ == '__main__':
    sys.exit(main())

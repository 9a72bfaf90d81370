from jdgen.cli import run

run()

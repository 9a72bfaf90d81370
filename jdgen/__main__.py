from jdgen.cli import main

main()

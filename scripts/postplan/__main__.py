from postplan.cli import main

main()

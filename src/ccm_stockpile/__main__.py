from ccm_stockpile.cli.fast import main

main()

from ccm_stockpile.cli.app import main

main()

from wkb_desk.cli import main

raise SystemExit(main())

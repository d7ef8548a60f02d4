import sys

from noticekg.cli import main

sys.exit(main())

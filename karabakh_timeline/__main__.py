import sys

from karabakh_timeline.cli import main

sys.exit(main())

"""The Textual front end. Everything under here may import Textual; nothing outside it may."""

# Before any screen draws: Thai marks stay with their consonant wherever a line is cut (see the module).
from itatui.tui.widgets.cluster_cut import install as _install_cluster_cut

_install_cluster_cut()

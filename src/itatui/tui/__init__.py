"""The Textual front end. Everything under here may import Textual; nothing outside it may."""

"""What every part of the interface shares: the CJK font, the translated labels, the saved
settings, the one-instance guard and the crash reporter.  Nothing here knows a window."""

"""The stored traditional forms of cue characters match what OpenCC gives today."""

from fazhi_report import _cues


def test_traditional_cue_characters_are_current() -> None:
    # If this fails, a cue pattern changed: paste the new value into _cues.py.
    assert _cues.traditional_variants(_cues.cue_characters()) == _cues.TRADITIONAL_CUE_CHARACTERS


def test_fold_leaves_simplified_text_alone_and_folds_traditional() -> None:
    assert _cues.fold("存在的问题") == "存在的问题"
    assert _cues.fold("存在的問題") == "存在的问题"
    assert _cues.fold("plain ascii") == "plain ascii"

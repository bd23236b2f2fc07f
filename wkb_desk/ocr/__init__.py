"""Text recognition (OCR) for scanned PDF pages and photographed or scanned images.

    from wkb_desk.ocr import choose_engine, recognise
    engine = choose_engine(settings.ocr)         # None: OCR is off or no engine is available (see .why_not)
    page = recognise(image, engine, settings.ocr) # PageText: text in reading order, engine name, confidence

Steps per page: preprocess (grey, contrast, speckles out, quarter turns, skew) -> the engine reads words
with boxes -> layout puts them back into lines (label and value on one line, as a PDF text layer has
them) -> a page that reads badly is tried once more upside down.

Engines: Tesseract (with Dutch language data, when installed on the machine; called as a program) and
RapidOCR (a Python wheel with its models inside; always there). `engine = "auto"` prefers Tesseract:
it measured better on our scans (README, "Tekstherkenning"). Nothing is downloaded at run time.
"""

from wkb_desk.ocr.engines import Engine, EngineUnavailable, choose_engine
from wkb_desk.ocr.progress import set_page_listener
from wkb_desk.ocr.recognise import PageText, recognise

__all__ = ["Engine", "EngineUnavailable", "PageText", "choose_engine", "recognise", "set_page_listener"]

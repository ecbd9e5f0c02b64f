# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test quick install templates pictures bench dist clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,serve]'
	# Byte-compile once, the dependencies too: start-up time matters, and pip leaves them
	# uncompiled where PYTHONDONTWRITEBYTECODE is set.
	$(BIN)/python -m compileall -q src $(VENV)/lib
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/gongwen build content/ -o out/ $$(command -v soffice >/dev/null 2>&1 && echo --pdf --png)

test: $(STAMP)
	$(BIN)/python -m pytest

quick: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

templates: $(STAMP)
	$(BIN)/python -m gongwen.builder.templatemaker templates/

# The README's page pictures (needs LibreOffice and poppler-utils): page 1 of every example, the
# 版记 page of the notice, the report's table page, and page 1 of a faulty draft after `gongwen lint --annotate --fix`.
pictures: $(STAMP)
	rm -rf out/pictures && $(BIN)/gongwen build content/ -o out/pictures --pdf
	for f in out/pictures/*.pdf; do pdftoppm -f 1 -l 1 -singlefile -scale-to 420 -png $$f docs/pictures/$$(basename $$f .pdf); done
	pdftoppm -f $$(pdfinfo out/pictures/notice.pdf | awk '/^Pages:/{print $$2}') -singlefile -scale-to 420 -png \
		out/pictures/notice.pdf docs/pictures/notice-last
	# The page of the report that holds its table (表1).
	pdftoppm -f $$(for n in 1 2 3 4 5; do pdftotext -f $$n -l $$n out/pictures/report.pdf - | tr -d ' ' | grep -q '表1' && echo $$n && break; done) \
		-singlefile -scale-to 600 -png out/pictures/report.pdf docs/pictures/report-table
	# A faulty draft reviewed: comments (in the margin where LibreOffice can, else as marks) and tracked changes.
	rm -rf out/review && $(BIN)/gongwen build docs/pictures/review-draft.yaml -o out/review
	$(BIN)/gongwen lint --annotate --fix out/review/review-draft.docx >/dev/null || true
	cd out/review && soffice --headless --convert-to 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},"ExportNotesInMargin":{"type":"boolean","value":"true"}}' review-draft.annotated.docx >/dev/null
	pdftoppm -f 1 -l 1 -singlefile -scale-to 600 -png out/review/review-draft.annotated.pdf docs/pictures/review-annotated

# The wheel and the offline bundle for office PCs (Windows and Linux, every supported Python):
# out/dist/gongwen-<version>-offline.zip. Downloads the dependencies' wheels; installing needs no network.
dist: $(STAMP)
	$(BIN)/python .ci/bundle/make_bundle.py

bench: $(STAMP)
	$(BIN)/python -m compileall -q src $(VENV)/lib
	$(BIN)/python bench/run

clean:
	rm -rf out/ $(VENV) src/*.egg-info

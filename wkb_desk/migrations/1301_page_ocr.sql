-- Text recognition: which engine read a page from its image (NULL: the page's own text layer).
ALTER TABLE pages ADD COLUMN ocr_engine TEXT;

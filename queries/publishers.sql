-- Outlets whose pages are the publisher's own (the NSPCC's, a government's): their figure is the one to cite.
SELECT outlet, publisher FROM publishers ORDER BY outlet

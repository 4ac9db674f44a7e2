'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { EditorContent, useEditor, useEditorState, type ChainedCommands, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';

// Module-level so useEditor's per-render option comparison sees the same array and never reconfigures the editor.
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    // StarterKit v3 bundles Link; adding @tiptap/extension-link as well would register the mark twice.
    // linkOnPaste turns a pasted YouTube/X URL into a plain link rather than an embed.
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      protocols: ['http', 'https', 'mailto'],
      HTMLAttributes: { rel: 'noopener noreferrer' },
    },
  }),
  Image,
];

const focusRing =
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-1';
const buttonClass = `min-w-9 rounded border border-gray-300 bg-white px-2 py-1 text-sm font-semibold hover:bg-gray-100 disabled:opacity-40 aria-pressed:bg-gray-900 aria-pressed:text-white ${focusRing}`;

const hasProtocol = (url: string, allowed: string[]) => URL.canParse(url) && allowed.includes(new URL(url).protocol);

function editLink(editor: Editor) {
  const previous = (editor.getAttributes('link').href as string | undefined) ?? '';
  const input = window.prompt('Link URL (http, https or mailto). Leave empty to remove the link.', previous);
  if (input === null) return;
  const href = input.trim();
  const chain = editor.chain().focus().extendMarkRange('link');
  if (!href) {
    chain.unsetLink().run();
  } else if (!hasProtocol(href, ['http:', 'https:', 'mailto:'])) {
    window.alert('Links must start with http://, https:// or mailto:');
  } else if (editor.state.selection.empty && !editor.isActive('link')) {
    // With nothing selected, setLink would only arm a stored mark; insert the URL itself so the link is visible.
    chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
  } else {
    chain.setLink({ href }).run();
  }
}

function insertImage(editor: Editor) {
  const src = window.prompt('Image URL (http or https)')?.trim();
  if (!src) return;
  if (!hasProtocol(src, ['http:', 'https:'])) {
    window.alert('Images must use an http:// or https:// URL.');
    return;
  }
  const alt = window.prompt('Alt text: describe the image for people who cannot see it') ?? '';
  editor.chain().focus().setImage({ src, alt: alt.trim() }).run();
}

function Toolbar({ editor }: { editor: Editor }) {
  // Tiptap v3 no longer re-renders on every transaction, so active states must be subscribed to explicitly.
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const run = (command: (chain: ChainedCommands) => ChainedCommands) => () => command(editor.chain().focus()).run();
  const buttons = [
    { label: 'Heading 2', text: 'H2', pressed: s.h2, onClick: run((c) => c.toggleHeading({ level: 2 })) },
    { label: 'Heading 3', text: 'H3', pressed: s.h3, onClick: run((c) => c.toggleHeading({ level: 3 })) },
    { label: 'Bold', text: 'B', pressed: s.bold, onClick: run((c) => c.toggleBold()) },
    { label: 'Italic', text: 'I', pressed: s.italic, onClick: run((c) => c.toggleItalic()) },
    { label: 'Link', text: 'Link', pressed: s.link, onClick: () => editLink(editor) },
    { label: 'Bullet list', text: '•', pressed: s.bullet, onClick: run((c) => c.toggleBulletList()) },
    { label: 'Numbered list', text: '1.', pressed: s.ordered, onClick: run((c) => c.toggleOrderedList()) },
    { label: 'Quote', text: '❝', pressed: s.quote, onClick: run((c) => c.toggleBlockquote()) },
    { label: 'Image', text: 'Img', onClick: () => insertImage(editor) },
    { label: 'Undo', text: '↶', disabled: !s.canUndo, onClick: run((c) => c.undo()) },
    { label: 'Redo', text: '↷', disabled: !s.canRedo, onClick: run((c) => c.redo()) },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="mb-2 flex flex-wrap gap-1">
      {buttons.map(({ label, text, pressed, disabled, onClick }) => (
        <button
          key={label}
          type="button"
          aria-label={label}
          aria-pressed={pressed}
          disabled={disabled}
          onClick={onClick}
          className={buttonClass}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

type Props = {
  name: string;
  label: string;
  defaultValue: string;
  onChange?: (html: string) => void;
  invalid?: boolean;
  describedBy?: string;
};

export function RichTextEditor({ name, label, defaultValue, onChange, invalid, describedBy }: Props) {
  const border = invalid ? 'border-red-600' : 'border-gray-300';
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const typedBeforeEditor = useRef<string | null>(null);
  const [html, setHtml] = useState(defaultValue);

  // Memoised so useEditor only pushes new attributes to the view when they actually change.
  const editorProps = useMemo(() => {
    const attributes: Record<string, string> = {
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': label,
      class: `prose max-w-none min-h-64 rounded border ${border} bg-white p-4 focus:outline-none ${focusRing}`,
    };
    if (invalid) attributes['aria-invalid'] = 'true';
    if (describedBy) attributes['aria-describedby'] = describedBy;
    return { attributes };
  }, [label, invalid, describedBy, border]);

  const editor = useEditor({
    extensions,
    content: defaultValue,
    immediatelyRender: false, // server and first client render show the textarea instead
    editorProps,
    onUpdate: ({ editor: e }) => {
      // An empty document serialises as <p></p>; submit '' so "required" validation behaves like the textarea.
      const next = e.isEmpty ? '' : e.getHTML();
      setHtml(next);
      onChange?.(next);
    },
  });

  // Text typed into the fallback textarea before hydration must not be lost when the editor replaces it.
  // Runs once when the editor appears: later changes of defaultValue (a form re-rendered after a save) must not
  // replace what the author is writing.
  useEffect(() => {
    if (!editor) {
      typedBeforeEditor.current = textareaRef.current?.value ?? null;
      return;
    }
    const typed = typedBeforeEditor.current;
    typedBeforeEditor.current = null;
    if (typed !== null && typed !== editor.getHTML() && typed !== defaultValue) editor.commands.setContent(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately only when the editor is created
  }, [editor]);

  if (!editor) {
    return (
      <textarea
        ref={textareaRef}
        name={name}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        defaultValue={defaultValue}
        rows={16}
        className={`block w-full rounded border ${border} bg-white p-4 font-mono text-sm ${focusRing}`}
      />
    );
  }

  return (
    <div>
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
    </div>
  );
}

import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('explorer')!).render(<p>explorer</p>);

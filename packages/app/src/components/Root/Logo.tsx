import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  full: {
    width: 'auto',
    height: 30,
  },
  icon: {
    width: 'auto',
    height: 28,
  },
  path: {
    fill: '#7df3e1',
  },
});

/** The logo of the sidebar: `full` when it is open, `icon` when it is closed. */
export const Logo = (props: { size: 'full' | 'icon'; viewBox: string; path: string }) => {
  const classes = useStyles();

  return (
    <svg
      className={classes[props.size]}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={props.viewBox}
    >
      <path className={classes.path} d={props.path} />
    </svg>
  );
};
